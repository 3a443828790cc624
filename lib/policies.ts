/**
 * Policy statements several constructs need in the same form: one place for their conditions.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';

/**
 * Publishing to a KMS-encrypted topic: SNS asks KMS for a data key on the caller's behalf, so the
 * caller may use the key only through SNS in its own region.
 */
export function topicKeyThroughSns(key: kms.IKey, region: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'TopicKeyThroughSns',
    actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
    resources: [key.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `sns.${region}.amazonaws.com` } },
  });
}

/**
 * A resource-policy statement that denies `action` on `resource` to everyone but `role`: for a
 * topic or queue whose messages are a trust boundary (an alert reaches every subscriber; a poll
 * message names a feed to fetch).
 */
export function onlyRoleMay(sid: string, action: string, resource: string, role: iam.IRole): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid,
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: [action],
    resources: [resource],
    conditions: { StringNotEquals: { 'aws:PrincipalArn': role.roleArn } },
  });
}
