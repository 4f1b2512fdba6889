import { DescribeLoadBalancerAttributesCommand, ElasticLoadBalancingV2Client, paginateDescribeLoadBalancers, type LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Row } from '../../schema/db.js';
import { awsElbv2LoadBalancers } from '../../schema/elbv2.js';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { isAwsError } from '../errors.js';
import { allItems } from '../ec2/shared.js';
import type { Collector, SyncContext } from '../types.js';

/** The region's load balancers, described once per sync for the load balancers and listeners collectors (SyncContext.shared). */
export function loadBalancers(ctx: SyncContext): Promise<LoadBalancer[]> {
  return ctx.shared('DescribeLoadBalancers', () => allItems(paginateDescribeLoadBalancers({ client: ctx.client(ElasticLoadBalancingV2Client) }, {}), (p) => p.LoadBalancers));
}

const table = awsElbv2LoadBalancers.name;

/**
 * DescribeLoadBalancers pages the load balancers; their attributes need one call each (AWS has no list form), and
 * so does the AWS WAF web ACL of each Application Load Balancer (GetWebACLForResource: a load balancer carries no
 * WAF attribute, and listing every web ACL's resources would cost a call per ACL and resource type instead).
 */
export const loadBalancersCollector: Collector = {
  service: 'elbv2',
  name: 'load-balancers',
  scope: 'regional',
  tables: [awsElbv2LoadBalancers],
  async collect(ctx) {
    const client = ctx.client(ElasticLoadBalancingV2Client);
    const lbs = await loadBalancers(ctx);
    const waf = ctx.client(WAFV2Client);
    const rows = await ctx.map(lbs.filter((lb) => lb.LoadBalancerArn), (lb) => loadBalancerRow(ctx, client, waf, lb));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function loadBalancerRow(ctx: SyncContext, client: ElasticLoadBalancingV2Client, waf: WAFV2Client, lb: LoadBalancer): Promise<Row | null> {
  const arn = lb.LoadBalancerArn!;
  let attributes: Record<string, string> | null = null;
  try {
    const out = await client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }));
    attributes = Object.fromEntries((out.Attributes ?? []).filter((a) => a.Key).map((a) => [a.Key!, a.Value ?? '']));
  } catch (error) {
    if (isAwsError(error, 'LoadBalancerNotFound', 'LoadBalancerNotFoundException')) return null;
    ctx.itemError(error, { operation: 'DescribeLoadBalancerAttributes', table, resourceId: arn });
  }
  const acl = lb.Type === 'application' ? await webAcl(ctx, waf, arn) : null;
  // An attribute AWS did not list is unknown (gateway load balancers have no access_logs.* at all).
  const flag = (key: string) => (attributes && key in attributes ? attributes[key] === 'true' : null);
  const text = (key: string) => (attributes?.[key] ? attributes[key]! : null);
  return {
    arn,
    name: lb.LoadBalancerName ?? null,
    type: lb.Type ?? null,
    scheme: lb.Scheme ?? null,
    vpc_id: lb.VpcId ?? null,
    state: lb.State?.Code ?? null,
    dns_name: lb.DNSName ?? null,
    access_logs_enabled: flag('access_logs.s3.enabled'),
    access_logs_bucket: text('access_logs.s3.bucket'),
    access_logs_prefix: text('access_logs.s3.prefix'),
    connection_logs_enabled: flag('connection_logs.s3.enabled'),
    deletion_protection_enabled: flag('deletion_protection.enabled'),
    drop_invalid_header_fields: flag('routing.http.drop_invalid_header_fields.enabled'),
    desync_mitigation_mode: text('routing.http.desync_mitigation_mode'),
    availability_zones: (lb.AvailabilityZones ?? []).map((z) => z.ZoneName).filter((z): z is string => Boolean(z)),
    waf_web_acl_arn: acl?.arn ?? null,
    waf_association_read: acl ? acl.read : null,
    attributes,
    raw: { ...lb, Attributes: attributes, WebACLArn: acl?.arn ?? null },
  };
}

/** The web ACL associated with an Application Load Balancer: arn null when none; read false when the call failed. */
async function webAcl(ctx: SyncContext, waf: WAFV2Client, arn: string): Promise<{ arn: string | null; read: boolean }> {
  try {
    const out = await waf.send(new GetWebACLForResourceCommand({ ResourceArn: arn }));
    return { arn: out.WebACL?.ARN ?? null, read: true };
  } catch (error) {
    // Deleted between DescribeLoadBalancers and this call: the attribute call decides whether the row is kept.
    if (isAwsError(error, 'WAFNonexistentItemException')) return { arn: null, read: true };
    ctx.itemError(error, { operation: 'GetWebACLForResource', table, resourceId: arn });
    return { arn: null, read: false };
  }
}
