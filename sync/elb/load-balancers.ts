import {
  DescribeLoadBalancerAttributesCommand,
  ElasticLoadBalancingClient,
  type LoadBalancerAttributes,
  type LoadBalancerDescription,
} from '@aws-sdk/client-elastic-load-balancing';
import type { Row } from '../../schema/db.js';
import { awsElbLoadBalancers } from '../../schema/elb.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { listLoadBalancers, loadBalancerArn } from './list.js';

const table = awsElbLoadBalancers.name;

/**
 * DescribeLoadBalancers pages the Classic Load Balancers; their attributes (cross-zone, access log, connection
 * draining, desync mitigation) need one DescribeLoadBalancerAttributes each: AWS has no list form.
 */
export const loadBalancersCollector: Collector = {
  service: 'elb',
  name: 'load-balancers',
  scope: 'regional',
  tables: [awsElbLoadBalancers],
  async collect(ctx) {
    const client = ctx.client(ElasticLoadBalancingClient);
    const lbs = (await listLoadBalancers(client)).filter((lb) => lb.LoadBalancerName);
    const rows = await ctx.map(lbs, (lb) => loadBalancerRow(ctx, client, lb));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function loadBalancerRow(ctx: SyncContext, client: ElasticLoadBalancingClient, lb: LoadBalancerDescription): Promise<Row | null> {
  const name = lb.LoadBalancerName!;
  const arn = loadBalancerArn(ctx, name);
  let attrs: LoadBalancerAttributes | undefined;
  try {
    attrs = (await client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerName: name }))).LoadBalancerAttributes;
  } catch (error) {
    // Deleted since DescribeLoadBalancers: it no longer exists, so it has no row.
    if (isAwsError(error, 'LoadBalancerNotFound')) return null;
    ctx.itemError(error, { operation: 'DescribeLoadBalancerAttributes', table, resourceId: arn });
  }
  const additional = Object.fromEntries((attrs?.AdditionalAttributes ?? []).filter((a) => a.Key).map((a) => [a.Key!, a.Value ?? '']));
  return {
    arn,
    name,
    scheme: lb.Scheme ?? null,
    vpc_id: lb.VPCId ?? null,
    dns_name: lb.DNSName ?? null,
    availability_zones: lb.AvailabilityZones ?? [],
    cross_zone_enabled: attrs?.CrossZoneLoadBalancing?.Enabled ?? null,
    access_log_enabled: attrs?.AccessLog?.Enabled ?? null,
    access_log_bucket: attrs?.AccessLog?.S3BucketName || null,
    connection_draining_enabled: attrs?.ConnectionDraining?.Enabled ?? null,
    connection_draining_timeout: attrs?.ConnectionDraining?.Timeout ?? null,
    desync_mitigation_mode: additional['elb.http.desyncmitigationmode'] || null,
    raw: { ...lb, LoadBalancerAttributes: attrs ?? null },
  };
}
