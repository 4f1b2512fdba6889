import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../schema/db.js';
import { asffId } from '../../../reports/interop/asff.js';
import { writeParquet } from '../../../reports/interop/parquet.js';
import { resolveScan } from '../../../schema/scans.js';
import { runCli } from '../../support/cli.js';
import { tempDir } from '../../support/db.js';
import { accountA, accountB, buckets, seedAccounts, seedInteropScan } from './seed.js';

// Parquet is validated the way its readers see it: a fresh DuckDB reads the directory back through
// read_parquet(..., hive_partitioning = true), as Spark and Athena read a Hive-partitioned table.
let tmp: ReturnType<typeof tempDir>;
let dbPath: string;

beforeAll(async () => {
  tmp = tempDir();
  dbPath = join(tmp.dir, 'calabi.duckdb');
  const db = await Database.open(dbPath);
  try {
    await seedAccounts(db);
    await db.run(`INSERT INTO aws_s3_buckets (account_id, region, name, arn, synced_at, raw) VALUES
      ('${accountA}', 'eu-west-1', 'bucket-000', '${buckets[0]}', now(), '{"Name":"bucket-000"}'),
      ('${accountA}', 'us-east-1', 'logs', 'arn:aws:s3:::logs', now(), '{"Name":"logs"}'),
      ('${accountB}', 'eu-west-1', 'b-data', 'arn:aws:s3:::b-data', now(), '{"Name":"b-data"}')`);
    await seedInteropScan(db, 'scan-1', { startedAt: '2026-11-20T08:00:00.000Z' });
  } finally {
    db.close();
  }
}, 60_000);
afterAll(() => tmp?.cleanup());

async function reader(): Promise<Database> {
  return Database.open(':memory:', { migrate: false });
}

describe('Parquet export', () => {
  it('writes findings and inventory partitioned by account and region, read back by DuckDB with the account ids intact', async () => {
    const db = await Database.open(dbPath, { readOnly: true });
    const out = join(tmp.dir, 'lake');
    try {
      const result = await writeParquet(db, await resolveScan(db, 'scan-1'), out);
      expect(result.findings).toBe(153);
      expect(result.tables).toMatchObject({ aws_accounts: 2, aws_s3_buckets: 3 });
    } finally {
      db.close();
    }
    expect(readdirSync(join(out, 'findings')).sort()).toEqual([`account_id=${accountA}`, `account_id=${accountB}`]);
    expect(readdirSync(join(out, 'findings', `account_id=${accountA}`)).sort()).toEqual(['region=eu-west-1', 'region=global']);
    const r = await reader();
    try {
      const glob = (p: string) => `read_parquet('${join(out, p)}/**/*.parquet', hive_partitioning = true)`;
      const perPartition = await r.all(`SELECT account_id, region, count(*) AS n FROM ${glob('findings')} GROUP BY ALL ORDER BY ALL`);
      expect(perPartition).toEqual([
        { account_id: accountA, region: 'eu-west-1', n: 151 },
        { account_id: accountA, region: 'global', n: 1 },
        { account_id: accountB, region: 'global', n: 1 },
      ]);
      const [one] = await r.all<{ finding_uid: string; control_status: string; check_id: string }>(
        `SELECT finding_uid, control_status, check_id FROM ${glob('findings')} WHERE resource_id = '${buckets[7]}'`,
      );
      expect(one).toEqual({ finding_uid: asffId({ account_id: accountA, region: 'eu-west-1', check_id: 's3_bucket_denies_http', resource_id: buckets[7]! }), control_status: 'FAIL', check_id: 's3_bucket_denies_http' });
      const inv = await r.all(`SELECT account_id, region, name, raw->>'Name' AS raw_name FROM ${glob('inventory/aws_s3_buckets')} ORDER BY name`);
      expect(inv).toEqual([
        { account_id: accountB, region: 'eu-west-1', name: 'b-data', raw_name: 'b-data' },
        { account_id: accountA, region: 'eu-west-1', name: 'bucket-000', raw_name: 'bucket-000' },
        { account_id: accountA, region: 'us-east-1', name: 'logs', raw_name: 'logs' },
      ]);
      const controls = await r.all(`SELECT control_id, status FROM read_parquet('${join(out, 'control_results', 'control_results.parquet')}') ORDER BY position`);
      expect(controls.map((c) => c.status)).toEqual(['PASS', 'FAIL', 'FAIL', 'ERROR']);
    } finally {
      r.close();
    }
    const manifest = JSON.parse(readFileSync(join(out, 'calabi-export.json'), 'utf8'));
    expect(manifest).toMatchObject({ partitioned_by: ['account_id', 'region'], scan: { id: 'scan-1' }, findings: 153 });
    expect(readdirSync(tmp.dir).filter((n) => n.includes('partial'))).toEqual([]);
  }, 60_000);

  it('refuses a target folder that is not empty, through the CLI, with exit 2 and nothing written', async () => {
    const target = join(tmp.dir, 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'mine');
    const r = await runCli(['--db', dbPath, 'export', 'scan-1', '--format', 'parquet', '-o', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists and is not empty/);
    expect(readdirSync(target)).toEqual(['keep.txt']);
  }, 120_000);

  it('writes the directory through the CLI under its descriptive name', async () => {
    const target = join(tmp.dir, 'cli-lake');
    const r = await runCli(['--db', dbPath, 'export', 'scan-1', '--format', 'parquet', '-o', target]);
    expect(r.stderr).toMatch(/153 finding\(s\)/);
    expect(r.code).toBe(0);
    expect(existsSync(join(target, 'calabi-export.json'))).toBe(true);
  }, 120_000);
});
