import {
  DescribeLoadBalancerPoliciesCommand,
  ElasticLoadBalancingClient,
  type LoadBalancerDescription,
  type PolicyDescription,
} from '@aws-sdk/client-elastic-load-balancing';
import type { Row } from '../../schema/db.js';
import { awsElbListeners } from '../../schema/elb.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { listLoadBalancers, loadBalancerArn } from './list.js';

const table = awsElbListeners.name;
const tlsProtocols = new Set(['HTTPS', 'SSL']);

/**
 * The listeners come with DescribeLoadBalancers. Which predefined TLS policy an HTTPS/SSL listener uses is in its
 * SSL negotiation policy's Reference-Security-Policy attribute, which only DescribeLoadBalancerPolicies answers,
 * one load balancer a call: it is asked only for load balancers with an HTTPS or SSL listener.
 */
export const listenersCollector: Collector = {
  service: 'elb',
  name: 'listeners',
  scope: 'regional',
  tables: [awsElbListeners],
  async collect(ctx) {
    const client = ctx.client(ElasticLoadBalancingClient);
    const lbs = (await listLoadBalancers(client)).filter((lb) => lb.LoadBalancerName);
    const perLb = await ctx.map(lbs, (lb) => listenerRows(ctx, client, lb));
    return { [table]: perLb.flat() };
  },
};

async function listenerRows(ctx: SyncContext, client: ElasticLoadBalancingClient, lb: LoadBalancerDescription): Promise<Row[]> {
  const name = lb.LoadBalancerName!;
  const arn = loadBalancerArn(ctx, name);
  const listeners = lb.ListenerDescriptions ?? [];
  let policies: PolicyDescription[] | null = [];
  if (listeners.some((l) => tlsProtocols.has(l.Listener?.Protocol?.toUpperCase() ?? ''))) {
    try {
      policies = (await client.send(new DescribeLoadBalancerPoliciesCommand({ LoadBalancerName: name }))).PolicyDescriptions ?? [];
    } catch (error) {
      if (isAwsError(error, 'LoadBalancerNotFound')) return [];
      ctx.itemError(error, { operation: 'DescribeLoadBalancerPolicies', table, resourceId: arn });
      policies = null;
    }
  }
  const reference = new Map(
    (policies ?? []).map((p) => [p.PolicyName, p.PolicyAttributeDescriptions?.find((a) => a.AttributeName === 'Reference-Security-Policy')?.AttributeValue ?? null]),
  );
  return listeners.map((d) => {
    const l = d.Listener;
    const names = d.PolicyNames ?? [];
    return {
      load_balancer_arn: arn,
      load_balancer_name: name,
      protocol: l?.Protocol?.toUpperCase() ?? null,
      port: l?.LoadBalancerPort ?? null,
      instance_protocol: l?.InstanceProtocol?.toUpperCase() ?? null,
      instance_port: l?.InstancePort ?? null,
      ssl_certificate_id: l?.SSLCertificateId ?? null,
      policy_names: names,
      reference_security_policy: names.map((n) => reference.get(n)).find((v) => v) ?? null,
      raw: { ...d, PolicyDescriptions: (policies ?? []).filter((p) => names.includes(p.PolicyName ?? '')) },
    };
  });
}
