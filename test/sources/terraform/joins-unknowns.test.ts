import { afterEach, describe, expect, it } from 'vitest';
import { loadPlan, type LoadedPlan } from '../../../sources/terraform/load.js';
import { parsePlan } from '../../../sources/terraform/plan.js';
import { fixtureText, rows } from './support.js';

// Variants of the synthetic plans (format 1.2): the same resources joined by known literals (an update or no-op
// plan knows ids, names and ARNs) instead of references, and values known only after apply.
type Change = { after: Record<string, unknown>; after_unknown: Record<string, unknown> };
type Doc = { resource_changes: Array<{ address: string; change: Change & { actions: string[] } }>; configuration: { root_module: { resources: Array<{ address: string; expressions: Record<string, unknown> }> } } };

let plan: LoadedPlan | undefined;
afterEach(() => plan?.db.close());

async function variant(fixture: string, edit: (change: (address: string) => Change, doc: Doc) => void): Promise<LoadedPlan> {
  const doc = JSON.parse(fixtureText(fixture)) as Doc;
  const change = (address: string) => doc.resource_changes.find((r) => r.address === address)!.change;
  edit(change, doc);
  plan = await loadPlan(parsePlan(JSON.stringify(doc)));
  return plan;
}

/** Makes a resource's attribute a known literal and drops the configuration reference that joined it. */
function literal(doc: Doc, change: (a: string) => Change, address: string, key: string, value: unknown): void {
  const c = change(address);
  c.after[key] = value;
  delete c.after_unknown[key];
  delete doc.configuration.root_module.resources.find((r) => r.address === address)!.expressions[key];
}

describe('joins by known literal (update and no-op plans)', () => {
  it('joins NACL rules to their ACL by its known id', async () => {
    const p = await variant('synthetic-iam-network-services.json', (change, doc) => {
      literal(doc, change, 'aws_network_acl.denied_ssh', 'id', 'acl-0123456789abcdef0');
      for (const rule of ['aws_network_acl_rule.deny_ssh', 'aws_network_acl_rule.allow_all']) literal(doc, change, rule, 'network_acl_id', 'acl-0123456789abcdef0');
    });
    expect(await rows(p, `SELECT ingress_admin_exposure FROM aws_ec2_network_acls WHERE network_acl_id = 'acl-0123456789abcdef0'`)).toEqual([
      { ingress_admin_exposure: ['tcp/3389 from 0.0.0.0/0 (rule 100)', 'udp/22 from 0.0.0.0/0 (rule 100)', 'udp/3389 from 0.0.0.0/0 (rule 100)'] },
    ]);
    expect(await rows(p, `SELECT count(*)::INT AS n FROM aws_ec2_network_acl_entries WHERE network_acl_id = 'acl-0123456789abcdef0'`)).toEqual([{ n: 2 }]);
  });

  it('joins a subscription and an alarm to their topic by its known ARN', async () => {
    const arn = 'arn:aws:sns:us-east-1:123456789012:security-alerts';
    const p = await variant('synthetic-monitoring-chain.json', (change, doc) => {
      literal(doc, change, 'aws_sns_topic.security_alerts', 'arn', arn);
      literal(doc, change, 'aws_sns_topic_subscription.alerts', 'topic_arn', arn);
      literal(doc, change, 'aws_cloudwatch_metric_alarm.root_usage', 'alarm_actions', [arn]);
      change('aws_cloudwatch_metric_alarm.root_usage').after_unknown.alarm_actions = [false];
    });
    expect(await rows(p, `SELECT s.confirmed, a.alarm_name FROM aws_sns_subscriptions s JOIN aws_cloudwatch_alarms a ON list_contains(a.alarm_actions, s.topic_arn) JOIN aws_sns_topics t ON t.arn = s.topic_arn`)).toEqual([
      { confirmed: true, alarm_name: 'root-usage' },
    ]);
    expect(p.accountId).toBe('123456789012');
  });

  it('joins a role policy attachment to its role by known name', async () => {
    const p = await variant('synthetic-iam-network-services.json', (change, doc) => literal(doc, change, 'aws_iam_role_policy_attachment.support', 'role', 'support'));
    expect(await rows(p, `SELECT role_name, list_contains(attached_policy_arns, 'arn:aws:iam::aws:policy/AWSSupportAccess') AS support FROM aws_iam_roles`)).toEqual([{ role_name: 'support', support: true }]);
  });
});

describe('values known only after apply', () => {
  it('leaves a NACL exposure unknown when one of its entries is, instead of judging the rest', async () => {
    const p = await variant('synthetic-iam-network-services.json', (change) => {
      const c = change('aws_network_acl.open_ssh');
      (c.after.ingress as Array<Record<string, unknown>>)[0]!.cidr_block = null;
      c.after_unknown.ingress = [{ cidr_block: true }];
    });
    expect(await rows(p, `SELECT ingress_admin_exposure FROM aws_ec2_network_acls WHERE network_acl_id = 'tf:aws_network_acl.open_ssh'`)).toEqual([{ ingress_admin_exposure: null }]);
    expect([...p.rows.values()].find((r) => r.resourceId.endsWith('network-acl/tf:aws_network_acl.open_ssh'))!.unknown).toContain('ingress_admin_exposure');
  });

  it('leaves a metric filter coverage unknown when its pattern is known only after apply', async () => {
    const p = await variant('synthetic-monitoring-chain.json', (change) => {
      const c = change('aws_cloudwatch_log_metric_filter.root_usage');
      c.after.pattern = null;
      c.after_unknown.pattern = true;
    });
    expect(await rows(p, `SELECT covers, pattern_syntax FROM aws_logs_metric_filters`)).toEqual([{ covers: null, pattern_syntax: null }]);
    expect([...p.rows.values()].find((r) => r.table === 'aws_logs_metric_filters')!.unknown).toContain('covers');
  });

  it('leaves an IAM policy document unknown when it references a value known only after apply', async () => {
    const p = await variant('synthetic-iam-network-services.json', (change) => {
      const c = change('aws_iam_group_policy.ops_inline');
      c.after.policy = null;
      c.after_unknown.policy = true;
    });
    expect(await rows(p, `SELECT inline_policy_names, full_admin_inline_policies FROM aws_iam_groups`)).toEqual([{ inline_policy_names: ['ops-everything'], full_admin_inline_policies: null }]);
    expect([...p.rows.values()].find((r) => r.table === 'aws_iam_groups')!.unknown).toContain('full_admin_inline_policies');
  });
});
