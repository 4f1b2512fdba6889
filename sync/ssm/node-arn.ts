import type { SyncContext } from '../types.js';

/**
 * A managed node's ARN: an EC2 instance (i-…) keeps its EC2 ARN, so findings join aws_ec2_instances; a hybrid
 * node (mi-…) has an SSM managed-instance ARN. Anything else (compliance data about another resource type) is
 * named <type>/<id>, never guessed into an ARN.
 */
export function nodeArn(ctx: SyncContext, id: string, resourceType = 'ManagedInstance'): string {
  if (/^i-[0-9a-f]+$/.test(id)) return `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:instance/${id}`;
  if (/^mi-[0-9a-f]+$/.test(id)) return `arn:${ctx.partition}:ssm:${ctx.region}:${ctx.accountId}:managed-instance/${id}`;
  return `${resourceType}/${id}`;
}
