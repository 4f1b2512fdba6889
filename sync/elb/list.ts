import { paginateDescribeLoadBalancers, type ElasticLoadBalancingClient, type LoadBalancerDescription } from '@aws-sdk/client-elastic-load-balancing';
import type { SyncContext } from '../types.js';

/** Every Classic Load Balancer of the region, 400 a page (the most DescribeLoadBalancers returns). */
export async function listLoadBalancers(client: ElasticLoadBalancingClient): Promise<LoadBalancerDescription[]> {
  const out: LoadBalancerDescription[] = [];
  for await (const page of paginateDescribeLoadBalancers({ client }, { PageSize: 400 })) out.push(...(page.LoadBalancerDescriptions ?? []));
  return out;
}

/** Classic Load Balancers have no ARN in their description; this is the one AWS gives them elsewhere (tags, IAM). */
export function loadBalancerArn(ctx: SyncContext, name: string): string {
  return `arn:${ctx.partition}:elasticloadbalancing:${ctx.region}:${ctx.accountId}:loadbalancer/${name}`;
}
