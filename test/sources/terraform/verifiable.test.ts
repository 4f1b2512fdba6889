import { describe, expect, it } from 'vitest';
import type { Check, ControlReport } from '../../../controls/types.js';
import { MORE_ROWS, summariseVerifiable, verifiableControl, type VerifiabilityFacts } from '../../../controls/verifiable.js';

// Unit tests of the verdict rules on hand-made reports; the end-to-end ones (real plans, real check SQL) are in iac.test.ts.
const check = (over: Partial<Check> = {}): Check => ({
  id: 'kms_cmk_rotation_enabled', title: 't', severity: 'medium', service: 'kms', tables: ['aws_kms_keys'], scope: { table: 'aws_kms_keys' },
  description: '', rationale: '', remediation: [], links: [], file: 'x.sql', builtin: true,
  sql: 'SELECT k.arn AS resource_id -- rotation_period_in_days is not read\nFROM aws_kms_keys k WHERE NOT coalesce(k.rotation_enabled, false)',
  ...over,
});
const finding = (id: string) => ({ resource_id: id, account_id: '000000000000', region: 'eu-west-1', reason: `${id} fails` });
const control = (status: ControlReport['status'], ids: string[] = []): ControlReport => ({
  id: '3.6', title: 'rotation', section: '3', level: 1, severity: 'medium', status, reason: 'r', affected_count: ids.length, evaluated_count: 3, resources: ids.map(finding),
});
const facts = (unknown: Record<string, string[]>, over: Partial<VerifiabilityFacts> = {}): VerifiabilityFacts => ({
  unknown: new Map([['aws_kms_keys', new Map(Object.entries(unknown).map(([k, v]) => [k, new Set(v)]))]]),
  invisible: new Map(),
  partial: new Map(),
  ...over,
});

describe('NOT VERIFIABLE verdicts', () => {
  it('turns a PASS into NOT VERIFIABLE when a resource in scope has a value the check reads unknown', () => {
    const c = verifiableControl(control('PASS'), [check()], facts({ key1: ['rotation_enabled'] }));
    expect(c.status).toBe('NOT VERIFIABLE');
    expect(c.not_verifiable).toEqual([{ resource_id: 'key1', reason: expect.stringContaining('rotation_enabled of aws_kms_keys') }]);
  });

  it('does not trust a finding on a resource whose value the check reads is unknown', () => {
    const c = verifiableControl(control('FAIL', ['key1']), [check()], facts({ key1: ['rotation_enabled'] }));
    expect(c).toMatchObject({ status: 'NOT VERIFIABLE', resources: [], affected_count: 0 });
  });

  it('keeps FAIL for the other resources and lists the unverifiable one beside them', () => {
    const c = verifiableControl(control('FAIL', ['key1', 'key2']), [check()], facts({ key1: ['rotation_enabled'] }));
    expect(c.status).toBe('FAIL');
    expect(c.resources.map((r) => r.resource_id)).toEqual(['key2']);
    expect(c.not_verifiable.map((r) => r.resource_id)).toEqual(['key1']);
  });

  it('ignores unknown columns the check does not read, even when a comment names them', () => {
    expect(verifiableControl(control('PASS'), [check()], facts({ key1: ['rotation_period_in_days', 'description'] })).status).toBe('PASS');
  });

  it('keeps a finding on a resource that may have more, unknown rows, and doubts only its absence', () => {
    const f = facts({ key1: [`${MORE_ROWS}rotation_enabled`], key2: [`${MORE_ROWS}rotation_enabled`] });
    const c = verifiableControl(control('FAIL', ['key1']), [check()], f);
    expect(c.status).toBe('FAIL');
    expect(c.resources.map((r) => r.resource_id)).toEqual(['key1']);
    expect(c.not_verifiable.map((r) => r.resource_id)).toEqual(['key2']);
  });

  it('reports any verdict over a table the source cannot describe as NOT VERIFIABLE, and leaves ERROR and MANUAL alone', () => {
    const invisible = facts({}, { invisible: new Map([['aws_kms_keys', 'never in a plan']]) });
    for (const status of ['PASS', 'FAIL', 'SKIP'] as const) expect(verifiableControl(control(status, status === 'FAIL' ? ['key1'] : []), [check()], invisible).status).toBe('NOT VERIFIABLE');
    expect(verifiableControl(control('ERROR'), [check()], invisible).status).toBe('ERROR');
    expect(verifiableControl(control('MANUAL'), [], invisible).status).toBe('MANUAL');
  });

  it('doubts an account-level "none qualifies" over a partly described table, not a per-resource finding', () => {
    const partial = facts({}, { partial: new Map([['aws_kms_keys', 'partial']]) });
    const accountLevel = check({ scope: { table: 'aws_accounts' }, tables: ['aws_accounts', 'aws_kms_keys'] });
    expect(verifiableControl(control('FAIL', ['acct']), [accountLevel], partial).status).toBe('NOT VERIFIABLE');
    expect(verifiableControl(control('PASS'), [accountLevel], partial).status).toBe('PASS');
    expect(verifiableControl(control('FAIL', ['key1']), [check()], partial).status).toBe('FAIL');
  });

  it('doubts an account-level FAIL that reads, through a macro it calls, a value unknown in any row', () => {
    const chain = check({ id: 'cloudwatch_alarm_root_usage', scope: { table: 'aws_accounts' }, tables: ['aws_accounts', 'aws_sns_subscriptions'], sql: "SELECT * FROM calabi_cis_monitoring_failures('root_usage')" });
    const unknown = (column: string): VerifiabilityFacts => ({ unknown: new Map([['aws_sns_subscriptions', new Map([['sub1', new Set([column])]])]]), invisible: new Map(), partial: new Map() });
    // `confirmed` is read by calabi_metric_filter_alarms, which the chain macro reads.
    const doubted = verifiableControl(control('FAIL', ['acct']), [chain], unknown('confirmed'));
    expect(doubted.status).toBe('NOT VERIFIABLE');
    expect(doubted.reason).toContain('confirmed of aws_sns_subscriptions sub1');
    // A column no part of the chain reads changes nothing; nor does an unknown under a PASS.
    expect(verifiableControl(control('FAIL', ['acct']), [chain], unknown('endpoint')).status).toBe('FAIL');
    expect(verifiableControl(control('PASS'), [chain], unknown('confirmed')).status).toBe('PASS');
  });

  it('computes both scores from the statuses', () => {
    const s = summariseVerifiable([{ status: 'PASS' }, { status: 'PASS' }, { status: 'FAIL' }, { status: 'NOT VERIFIABLE' }, { status: 'MANUAL' }, { status: 'ERROR' }]);
    expect(s).toMatchObject({ pass: 2, fail: 1, not_verifiable: 1, error: 1, manual: 1, verifiable_score: 66.7, overall_score: 50 });
    expect(summariseVerifiable([{ status: 'MANUAL' }])).toMatchObject({ verifiable_score: null, overall_score: null });
  });
});
