import { DescribeRulesCommand, ElasticLoadBalancingV2Client, paginateDescribeListeners, type Action, type Listener, type LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Row } from '../../schema/db.js';
import { awsElbv2Listeners } from '../../schema/elbv2.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { loadBalancers } from './load-balancers.js';

const table = awsElbv2Listeners.name;

/**
 * DescribeListeners takes one load balancer at a time (no region-wide form); DescribeRules one listener, and is
 * called only for the HTTP listeners of Application Load Balancers, the ones whose rules decide whether every HTTP
 * request is redirected to HTTPS.
 */
export const listenersCollector: Collector = {
  service: 'elbv2',
  name: 'listeners',
  scope: 'regional',
  tables: [awsElbv2Listeners],
  async collect(ctx) {
    const client = ctx.client(ElasticLoadBalancingV2Client);
    const lbs = await loadBalancers(ctx);
    const perLb = await ctx.map(lbs.filter((lb) => lb.LoadBalancerArn), (lb) => listenerRows(ctx, client, lb));
    return { [table]: perLb.flat() };
  },
};

async function listenerRows(ctx: SyncContext, client: ElasticLoadBalancingV2Client, lb: LoadBalancer): Promise<Row[]> {
  const listeners: Listener[] = [];
  try {
    for await (const page of paginateDescribeListeners({ client }, { LoadBalancerArn: lb.LoadBalancerArn })) listeners.push(...(page.Listeners ?? []));
  } catch (error) {
    // Deleted between the two calls: nothing to list.
    if (isAwsError(error, 'LoadBalancerNotFound', 'LoadBalancerNotFoundException')) return [];
    // A load balancer whose listeners are unknown must not look like one without listeners: the whole scope fails
    // (and keeps its previous rows, marked stale), rather than this load balancer's listeners going missing.
    throw error;
  }
  return Promise.all(listeners.filter((l) => l.ListenerArn).map(async (l) => {
    const last = finalAction(l.DefaultActions);
    const httpOfAlb = lb.Type === 'application' && l.Protocol === 'HTTP';
    const rules = httpOfAlb ? await ruleActions(ctx, client, l.ListenerArn!) : undefined;
    return {
      arn: l.ListenerArn,
      load_balancer_arn: lb.LoadBalancerArn,
      load_balancer_name: lb.LoadBalancerName ?? null,
      load_balancer_type: lb.Type ?? null,
      protocol: l.Protocol ?? null,
      port: l.Port ?? null,
      default_action_type: last?.Type ?? null,
      default_redirect_protocol: last?.RedirectConfig?.Protocol ?? null,
      rules_read: rules === undefined ? null : rules !== null,
      rule_actions: rules ?? null,
      raw: { ...l, Rules: rules ?? null },
    };
  }));
}

/** The action that ends a chain: the one with the highest Order (authenticate actions come before it). */
function finalAction(actions: Action[] | undefined): Action | undefined {
  return [...(actions ?? [])].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0)).at(-1);
}

/** The non-default rules of a listener with their final action; null when DescribeRules failed. */
async function ruleActions(ctx: SyncContext, client: ElasticLoadBalancingV2Client, listenerArn: string): Promise<object[] | null> {
  try {
    const out: object[] = [];
    let marker: string | undefined;
    do {
      const page = await client.send(new DescribeRulesCommand({ ListenerArn: listenerArn, Marker: marker }));
      for (const r of page.Rules ?? []) {
        if (r.IsDefault) continue;
        const last = finalAction(r.Actions);
        out.push({ priority: r.Priority ?? null, type: last?.Type ?? null, redirectProtocol: last?.RedirectConfig?.Protocol ?? null });
      }
      marker = page.NextMarker;
    } while (marker);
    return out;
  } catch (error) {
    ctx.itemError(error, { operation: 'DescribeRules', table, resourceId: listenerArn });
    return null;
  }
}
