import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIac } from '../../../cli/commands/iac.js';
import { formatIacReport, iacFormats } from '../../../sources/terraform/output/format.js';
import { runCli } from '../../support/cli.js';
import { tempDir } from '../../support/db.js';
import { parsePlan } from '../../../sources/terraform/plan.js';
import { REDACTED } from '../../../sources/terraform/scrub.js';
import { fixturePath, fixtureText, loadFixture } from './support.js';

// Every secret planted in the synthetic plans: variables, after, before, prior_state, planned_values,
// configuration constant_value, provider credentials, a variable default, values marked only in after_sensitive;
// the second plan plants them in the newer mapped types (an SNS endpoint URL with credentials, a trust policy and
// an inline policy marked sensitive, a sensitive tag of an alarm, a subscription's prior token).
const plans = [
  { plan: 'synthetic-secrets-and-unknowns.json', count: 9, kept: '"identifier":"main"', table: 'aws_ec2_security_groups' },
  { plan: 'synthetic-secrets-in-mapped-types.json', count: 9, kept: '"alarm_name":"a"', table: 'aws_sns_subscriptions' },
];

describe.each(plans)('secrets in plans ($plan)', ({ plan, count, kept, table }) => {
  const planted = readFileSync(fixturePath(plan), 'utf8').match(/PLANTED-?SECRET-?[A-Za-z0-9-]+/g)!;

  it('the fixture plants the secrets in every place Terraform writes them', () => {
    expect(new Set(planted).size).toBe(count);
  });

  it('scrubs every planted secret at read time, before any mapper sees the plan', () => {
    const scrubbed = JSON.stringify(parsePlan(fixtureText(plan)));
    for (const s of planted) expect(scrubbed).not.toContain(s);
    // What is kept: the non-secret values beside them, and a marker where a secret was.
    expect(scrubbed).toContain(kept);
    expect(scrubbed).toContain(REDACTED);
  });

  it('never writes a planted secret to the database', async () => {
    const loaded = await loadFixture(plan);
    const { dir, cleanup } = tempDir();
    try {
      // Copy the whole in-memory database to a file and search every byte of it (and its WAL, if any).
      const file = join(dir, 'iac.duckdb');
      await loaded.db.run(`ATTACH '${file}' AS out`);
      await loaded.db.run('COPY FROM DATABASE memory TO out');
      await loaded.db.run('DETACH out');
      const bytes = readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('');
      expect(bytes.length).toBeGreaterThan(0);
      for (const s of planted) expect(bytes).not.toContain(s);
      // The scrubbed values still say a value was there.
      const raw = await loaded.db.all<{ raw: string }>(`SELECT raw::VARCHAR AS raw FROM ${table}`);
      expect(raw).toHaveLength(1);
    } finally {
      loaded.db.close();
      cleanup();
    }
  });

  it('never prints a planted secret in any output format, on stdout or stderr', async () => {
    // One evaluation; every format is written from its report (the formats share no state beyond it).
    const { report } = await runIac(fixturePath(plan), { benchmark: 'cis-aws-3.0', format: 'json', failOn: 'low' });
    for (const format of iacFormats) {
      const output = formatIacReport(report, format);
      expect(output.length, `${format} output`).toBeGreaterThan(100);
      for (const s of planted) expect(output, `${format} output`).not.toContain(s);
    }
    const cli = await runCli(['iac', fixturePath(plan), '--format', 'json']);
    expect(cli.stdout.length).toBeGreaterThan(1000);
    for (const s of planted) expect(cli.stdout + cli.stderr).not.toContain(s);
  }, 120_000);
});
