/**
 * cdk-nag acknowledgements, always on one construct (never the stack) and always with a reason.
 * IAM5 findings name the wildcard, e.g. `Resource::<NotifyFunction1234.Arn>:*`; these helpers
 * build that text from the construct so a renamed resource does not orphan a suppression.
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

/** Region and account as cdk-nag prints them: the values, or `<AWS::Region>` / `<AWS::AccountId>`. */
export function nagEnv(scope: IConstruct): { region: string; account: string } {
  const stack = Stack.of(scope);
  return {
    region: Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region,
    account: Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account,
  };
}

/** An ARN as cdk-nag prints it in findings: pseudo parameters as `<AWS::Region>` etc. */
export function nagArnText(scope: IConstruct, service: string, resource: string): string {
  const { region, account } = nagEnv(scope);
  return `arn:<AWS::Partition>:${service}:${region}:${account}:${resource}`;
}
