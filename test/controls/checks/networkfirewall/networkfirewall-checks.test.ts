import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const arn = (kind: string, name: string) => `arn:aws:network-firewall:us-east-1:111111111111:${kind}/${name}`;
const firewall = (name: string, extra: Row = {}): Row => ({
  arn: arn('firewall', name), name, vpc_id: 'vpc-1', deletion_protection: true, log_types: ['ALERT'], log_destination_types: ['S3'], ...extra,
});
const policy = (name: string, extra: Row = {}): Row => ({
  arn: arn('firewall-policy', name), name, stateless_default_actions: ['aws:forward_to_sfe'], stateless_fragment_default_actions: ['aws:drop'],
  stateless_rule_group_arns: [], stateful_rule_group_arns: [arn('stateful-rulegroup', 'g')], ...extra,
});
const group = (name: string, extra: Row = {}): Row => ({ arn: arn('stateless-rulegroup', name), name, type: 'STATELESS', rule_count: 2, association_count: 1, ...extra });

interface Case { id: string; table: string; make: (name: string, extra?: Row) => Row; col: string; failing: [string, Row, string][]; passing: Row[] }

const cases: Case[] = [
  { id: 'networkfirewall_firewall_logging_enabled', table: 'aws_networkfirewall_firewalls', make: firewall, col: 'firewall_name',
    failing: [
      ['quiet', { log_types: [], log_destination_types: [] }, 'Network Firewall firewall quiet sends no logs to any destination'],
      ['unknown', { log_types: null }, 'Network Firewall firewall unknown did not report its logging configuration'],
    ],
    passing: [firewall('logged'), firewall('flows', { log_types: ['FLOW'] })] },
  { id: 'networkfirewall_firewall_deletion_protection', table: 'aws_networkfirewall_firewalls', make: firewall, col: 'firewall_name',
    failing: [
      ['loose', { deletion_protection: false }, 'Network Firewall firewall loose has deletion protection off'],
      ['unknown', { deletion_protection: null }, 'Network Firewall firewall unknown did not report its deletion protection'],
    ],
    passing: [firewall('protected')] },
  { id: 'networkfirewall_policy_has_rule_groups', table: 'aws_networkfirewall_policies', make: policy, col: 'policy_name',
    failing: [
      ['bare', { stateful_rule_group_arns: [] }, 'Network Firewall policy bare references no rule group'],
      ['unknown', { stateless_rule_group_arns: null }, 'Network Firewall policy unknown did not report its rule groups'],
    ],
    passing: [policy('stateful'), policy('stateless', { stateless_rule_group_arns: [arn('stateless-rulegroup', 's')], stateful_rule_group_arns: [] })] },
  { id: 'networkfirewall_policy_default_drop_full_packets', table: 'aws_networkfirewall_policies', make: policy, col: 'policy_name',
    failing: [
      ['passing', { stateless_default_actions: ['aws:pass', 'count-metric'] }, 'Network Firewall policy passing neither drops nor forwards full packets no stateless rule matched: aws:pass, count-metric'],
      ['unknown', { stateless_default_actions: null }, 'Network Firewall policy unknown did not report its default action for full packets'],
    ],
    // A fragment default of aws:pass does not concern full packets.
    passing: [policy('forwarding', { stateless_fragment_default_actions: ['aws:pass'] }), policy('dropping', { stateless_default_actions: ['aws:drop', 'count-metric'] })] },
  { id: 'networkfirewall_policy_default_drop_fragmented_packets', table: 'aws_networkfirewall_policies', make: policy, col: 'policy_name',
    failing: [
      ['passing', { stateless_fragment_default_actions: ['aws:pass'] }, 'Network Firewall policy passing neither drops nor forwards fragmented packets no stateless rule matched: aws:pass'],
      ['unknown', { stateless_fragment_default_actions: null }, 'Network Firewall policy unknown did not report its default action for fragmented packets'],
    ],
    passing: [policy('dropping', { stateless_default_actions: ['aws:pass'] }), policy('forwarding', { stateless_fragment_default_actions: ['aws:forward_to_sfe'] })] },
  { id: 'networkfirewall_stateless_rule_group_not_empty', table: 'aws_networkfirewall_rule_groups', make: group, col: 'rule_group_name',
    failing: [
      ['empty', { rule_count: 0 }, 'Network Firewall rule group empty is a stateless rule group without rules'],
      ['unknown', { type: null, rule_count: null }, 'Network Firewall rule group unknown did not report its type or rules'],
    ],
    passing: [group('filled'), group('suricata', { arn: arn('stateful-rulegroup', 'suricata'), type: 'STATEFUL', rule_count: null })] },
];

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the resources that break it, with the reason, and only those', async () => {
    await seed(db, c.table, [...c.failing.map(([name, extra]) => c.make(name, extra)), ...c.passing]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r[c.col], r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]));
    expect(found[0]!.resource_id).toBe(c.make(c.failing[0]![0]).arn);
  });
  it('passes resources configured as it asks', async () => {
    await seed(db, c.table, c.passing);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
