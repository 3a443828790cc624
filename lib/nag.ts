/**
 * cdk-nag acknowledgements, always on one construct (never the stack) and always with a reason.
 * IAM5 findings name the wildcard, e.g. `Resource::<StorageTableB43FDCE7.Arn>/index/*`; these
 * helpers build that text from the construct so a renamed resource does not orphan a suppression.
 */
import { Stack, Token, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** `<LogicalId.Arn>` as cdk-nag prints a resource's ARN attribute. */
export function arnRef(resource: IConstruct): string {
  const cfn = resource.node.defaultChild as CfnElement;
  return `<${Stack.of(resource).resolve(cfn.logicalId)}.Arn>`;
}

export function acknowledge(construct: IConstruct, id: string, reason: string): void {
  Validations.of(construct).acknowledge({ id, reason });
}

/** Grants on a table also cover its indexes (`<table>/index/*`). */
export function acknowledgeTableIndexes(grantee: IConstruct, table: IConstruct): void {
  acknowledge(
    grantee,
    `AwsSolutions-IAM5[Resource::${arnRef(table)}/index/*]`,
    'Table grants include the table\'s own GSIs (pending, cluster, events) and nothing else.',
  );
}

/** An ARN as cdk-nag prints it in findings: pseudo parameters as `<AWS::Region>` etc. */
export function nagArnText(scope: IConstruct, service: string, resource: string): string {
  const stack = Stack.of(scope);
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  return `arn:<AWS::Partition>:${service}:${region}:${account}:${resource}`;
}
