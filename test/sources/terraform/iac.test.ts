import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runIac } from '../../../cli/commands/iac.js';
import { runCli } from '../../support/cli.js';
import { fixturePath } from './support.js';

const run = (name: string, flags: Partial<Parameters<typeof runIac>[1]> = {}) =>
  runIac(fixturePath(name), { benchmark: 'cis-aws-3.0', format: 'json', failOn: 'low', ...flags });
const control = (report: Awaited<ReturnType<typeof run>>['report'], id: string) => report.controls.find((c) => c.id === id)!;

describe('calabi iac verdicts', () => {
  it('fails every password policy under 14 characters, naming the Terraform addresses', async () => {
    const { report } = await run('regula-iam_password_length_infra.json');
    const c = control(report, '1.8');
    expect(c.status).toBe('FAIL');
    expect(c.resources.map((r) => r.reason)).toEqual(expect.arrayContaining([expect.stringContaining('only 4 characters'), expect.stringContaining('only 8 characters')]));
    expect(Object.values(c.terraform)[0]!.addresses).toContain('aws_iam_account_password_policy.invalid_1');
  });

  it('reports NOT VERIFIABLE for a check that needs a value unknown until apply', async () => {
    const { report } = await run('regula-iam_password_length_infra.json');
    // password_reuse_prevention is in after_unknown: not "no reuse prevention".
    const c = control(report, '1.9');
    expect(c.status).toBe('NOT VERIFIABLE');
    expect(c.not_verifiable[0]!.reason).toMatch(/password_reuse_prevention.*known only after apply/);
  });

  it('keeps a finding on known rules while other rules of the plan are unknown', async () => {
    const { report } = await run('synthetic-secrets-and-unknowns.json');
    const c = control(report, '5.2');
    expect(c.status).toBe('FAIL');
    expect(c.resources).toHaveLength(1);
    expect(c.terraform[c.resources[0]!.resource_id]!.addresses).toEqual(['aws_security_group.web', 'aws_vpc_security_group_ingress_rule.ssh']);
    expect(c.not_verifiable.map((r) => r.resource_id)).toEqual(['arn:aws:ec2:eu-west-1:000000000000:security-group/sg-0existing0000001']);
    expect(control(report, '3.6').status).toBe('NOT VERIFIABLE');
  });

  it('never reports account facts a plan cannot show (root MFA, root keys, credential report) as PASS or FAIL', async () => {
    for (const completeAccount of [false, true]) {
      const { report } = await run('regula-log_file_validation_infra.json', { completeAccount });
      for (const id of ['1.4', '1.5', '1.6', '1.7', '1.12', '1.14']) expect(control(report, id).status, `${id} with completeAccount=${completeAccount}`).toBe('NOT VERIFIABLE');
    }
  });

  it('reports "no multi-region trail" as NOT VERIFIABLE unless --complete-account declares the plan is the whole account', async () => {
    const partial = await run('regula-log_file_validation_infra.json');
    expect(control(partial.report, '3.1').status).toBe('NOT VERIFIABLE');
    expect(control(partial.report, '3.2').status).toBe('FAIL');
    const whole = await run('regula-log_file_validation_infra.json', { completeAccount: true });
    expect(control(whole.report, '3.1').status).toBe('FAIL');
    expect(whole.report.source.complete_account).toBe(true);
  });

  it('judges EBS default encryption, instance metadata, RDS and EFS from the plan, unknown metadata options apart', async () => {
    const { report } = await run('synthetic-compute-storage.json');
    expect(control(report, '2.2.1')).toMatchObject({ status: 'FAIL', resources: [expect.objectContaining({ resource_id: 'arn:aws:ec2:eu-central-1:000000000000' })] });
    expect(control(report, '2.3.1').status).toBe('FAIL');
    expect(Object.values(control(report, '2.3.1').terraform)[0]!.addresses).toEqual(['aws_db_instance.orders']);
    expect(control(report, '2.4.1').status).toBe('PASS');
    const imds = control(report, '5.6');
    expect(imds.status).toBe('FAIL');
    expect(imds.resources.map((r) => r.resource_id)).toEqual(['arn:aws:ec2:eu-central-1:000000000000:instance/tf:aws_instance.legacy']);
    expect(imds.not_verifiable.map((r) => r.resource_id)).toEqual(['arn:aws:ec2:eu-central-1:000000000000:instance/tf:aws_instance.computed']);
  });

  it('gives both scores with their formulas, reconciled with the statuses', async () => {
    const { report } = await run('regula-ingress_anywhere_ssh_infra.json');
    const s = report.summary;
    const count = (st: string) => report.controls.filter((c) => c.status === st).length;
    expect([s.pass, s.fail, s.not_verifiable]).toEqual([count('PASS'), count('FAIL'), count('NOT VERIFIABLE')]);
    expect(s.verifiable_formula).toBe('verifiable score = PASS / (PASS + FAIL)');
    expect(s.overall_formula).toBe('overall = PASS / (PASS + FAIL + NOT VERIFIABLE)');
    expect(s.verifiable_score).toBe(Math.round((1000 * s.pass) / (s.pass + s.fail)) / 10);
    expect(s.overall_score).toBe(Math.round((1000 * s.pass) / (s.pass + s.fail + s.not_verifiable)) / 10);
    expect(control(report, '5.2').status).toBe('FAIL');
  });
});

describe('calabi iac output formats', () => {
  it('writes SARIF 2.1.0 with check ids as rules and the address as a logical location', async () => {
    const { output } = await run('regula-ingress_anywhere_ssh_infra.json', { format: 'sarif' });
    // No JSON-schema validator is installed: the structure GitHub code scanning requires, asserted by hand.
    const log = JSON.parse(output);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('calabi');
    const ruleIds = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    const errors = run0.results.filter((r: { level: string }) => r.level === 'error');
    expect(errors.map((r: { ruleId: string }) => r.ruleId)).toEqual(['5.2', '5.2']);
    for (const r of run0.results) {
      expect(ruleIds).toContain(r.ruleId);
      expect(typeof r.message.text).toBe('string');
      expect(['error', 'warning', 'note', 'none']).toContain(r.level);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe(fixturePath('regula-ingress_anywhere_ssh_infra.json'));
    }
    expect(errors.flatMap((r: { locations: Array<{ logicalLocations: Array<{ fullyQualifiedName: string; kind: string }> }> }) => r.locations[0]!.logicalLocations.map((l) => l.fullyQualifiedName)).sort()).toEqual(['aws_security_group.invalid_sg_1', 'aws_security_group.invalid_sg_2']);
  });

  it('writes JUnit XML with FAIL as failures and NOT VERIFIABLE as skipped', async () => {
    const { output, report } = await run('regula-ingress_anywhere_ssh_infra.json', { format: 'junit' });
    expect(output).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    expect((output.match(/<testcase /g) ?? []).length).toBe(report.controls.length);
    expect((output.match(/<failure /g) ?? []).length).toBe(report.summary.fail);
    expect(output).toContain(`failures="${report.summary.fail}"`);
    expect(output).toMatch(/<skipped message="NOT VERIFIABLE: /);
    expect(output).toContain('aws_security_group.invalid_sg_1');
  });

  it('writes CSV with one row per requirement and both scores', async () => {
    const { output, report } = await run('regula-ingress_anywhere_ssh_infra.json', { format: 'csv' });
    const records = parse(output, { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(report.controls.length);
    expect(records.find((r) => r.id === '5.2')).toMatchObject({ status: 'FAIL', terraform_addresses: 'aws_security_group.invalid_sg_1 aws_security_group.invalid_sg_2' });
    expect(records[0]!.verifiable_score).toBe(String(report.summary.verifiable_score));
  });

  it('prints the table with both scores and exits 1 on a FAIL at or above --fail-on, like evaluate', async () => {
    const fail = await runCli(['iac', fixturePath('regula-ingress_anywhere_ssh_infra.json'), '--fail-on', 'high']);
    expect(fail.stdout).toContain('Verifiable score 50.0%   (verifiable score = PASS / (PASS + FAIL))');
    expect(fail.stdout).toMatch(/Overall score +\d+\.\d%   \(overall = PASS \/ \(PASS \+ FAIL \+ NOT VERIFIABLE\)\)/);
    expect(fail.code).toBe(1);
    const ok = await runCli(['iac', fixturePath('regula-key_rotation_infra.json'), '--fail-on', 'critical']);
    expect(ok.code).toBe(0);
    const bad = await runCli(['iac', fixturePath('regula-key_rotation_infra.json'), '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of table, json, csv, sarif, junit/);
  }, 120_000);
});
