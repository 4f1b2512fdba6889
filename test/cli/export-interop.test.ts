import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';
import { accountA, seedAccounts, seedInteropScan } from '../reports/interop/seed.js';

// The interop formats as a user asks for them: `calabi export … --format ocsf|asff|sarif`.
let tmp: ReturnType<typeof tempDir>;
let dbPath: string;
beforeAll(async () => {
  tmp = tempDir();
  dbPath = join(tmp.dir, 'calabi.duckdb');
  const db = await Database.open(dbPath);
  try {
    await seedAccounts(db);
    await seedInteropScan(db, 'scan-1', { startedAt: '2026-11-20T08:00:00.000Z', buckets: ['arn:aws:s3:::one', 'arn:aws:s3:::two'] });
  } finally {
    db.close();
  }
}, 60_000);
afterAll(() => tmp?.cleanup());

describe('calabi export for other tools', () => {
  it('writes OCSF to stdout, one Compliance Finding per line', async () => {
    const r = await runCli(['--db', dbPath, 'export', 'latest', '--format', 'ocsf', '-o', '-']);
    expect(r.code).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    // Two buckets and one password-policy finding per account; the ERROR requirement's finding is left out.
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.class_uid === 2003 && e.metadata.version === '1.5.0')).toBe(true);
  }, 120_000);

  it('writes ASFF with global findings imported into the region given by --home-region', async () => {
    const out = join(tmp.dir, 'findings.asff.jsonl');
    const r = await runCli(['--db', dbPath, 'export', 'latest', '--format', 'asff', '--home-region', 'eu-central-1', '-o', out]);
    expect(r.code).toBe(0);
    const batches = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { Findings: Array<Record<string, any>> });
    const root = batches.flatMap((b) => b.Findings).find((f) => f.AwsAccountId === accountA && f.GeneratorId === 'calabi/iam_password_policy_min_length_14')!;
    expect(root.ProductArn).toBe(`arn:aws:securityhub:eu-central-1:${accountA}:product/${accountA}/default`);
  }, 120_000);

  it('refuses SARIF for a stored scan and says which command writes it', async () => {
    const r = await runCli(['--db', dbPath, 'export', 'latest', '--format', 'sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/calabi iac <plan\.json> --format sarif/);
  }, 120_000);
});
