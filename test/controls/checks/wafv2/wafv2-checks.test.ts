import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const acl = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:wafv2:us-east-1:111111111111:regional/webacl/${name}/1`, name, scope: 'REGIONAL', rule_count: 1, rule_names: ['r'], logging_enabled: true, log_destinations: ['arn:aws:logs:us-east-1:111111111111:log-group:aws-waf-logs-x'], ...extra,
});
const group = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:wafv2:us-east-1:111111111111:regional/rulegroup/${name}/1`, name, scope: 'REGIONAL', rule_count: 1, metrics_enabled: true, rules_without_metrics: [], ...extra,
});

interface Case { id: string; table: string; make: (name: string, extra?: Row) => Row; failing: [string, Row, string][]; passing: Row[] }

const cases: Case[] = [
  { id: 'wafv2_web_acl_logging_enabled', table: 'aws_wafv2_web_acls', make: acl,
    failing: [
      ['edge', { scope: 'CLOUDFRONT', logging_enabled: false, log_destinations: [] }, 'AWS WAF web ACL edge (CLOUDFRONT) has no logging configuration'],
      ['silent', { logging_enabled: false, log_destinations: [] }, 'AWS WAF web ACL silent (REGIONAL) has no logging configuration'],
    ],
    passing: [acl('logged'), acl('edge-logged', { scope: 'CLOUDFRONT' })] },
  { id: 'wafv2_web_acl_has_rules', table: 'aws_wafv2_web_acls', make: acl,
    failing: [
      ['empty', { rule_count: 0, rule_names: [] }, 'AWS WAF web ACL empty (REGIONAL) has no rules or rule groups'],
      ['unknown', { rule_count: null, rule_names: null }, 'AWS WAF web ACL unknown (REGIONAL) did not report its rules'],
    ],
    passing: [acl('ruled', { rule_count: 3 })] },
  { id: 'wafv2_rule_group_metrics_enabled', table: 'aws_wafv2_rule_groups', make: group,
    failing: [
      ['dark', { metrics_enabled: false, rules_without_metrics: ['a'] }, 'AWS WAF rule group dark (REGIONAL) does not send CloudWatch metrics'],
      ['unknown', { metrics_enabled: null, rule_count: null }, 'AWS WAF rule group unknown (REGIONAL) did not report its CloudWatch metrics setting'],
    ],
    // A group without rules is not applicable, as in the Config rule behind WAF.12.
    passing: [group('lit'), group('no-rules', { rule_count: 0, metrics_enabled: false })] },
];

const nameOf = (r: Row) => r.web_acl_name ?? r.rule_group_name;

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the resources that break it, with the reason, and only those', async () => {
    await seed(db, c.table, [...c.failing.map(([name, extra]) => c.make(name, extra)), ...c.passing]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [nameOf(r), r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]));
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
