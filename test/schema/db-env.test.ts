import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';

// Issue 2: "The database file is ./calabi.duckdb by default; `--db PATH` and the environment variable CALABI_DB
// choose another." Two files that differ only in one row tell which one the CLI opened.
let dir: { dir: string; cleanup: () => void };
let fromEnv: string;
let fromFlag: string;

async function seed(path: string, bucket: string): Promise<void> {
  const db = await Database.open(path);
  await db.write((tx) =>
    tx.run(`INSERT INTO aws_s3_buckets (account_id, region, synced_at, arn, name, raw) VALUES ('111111111111', 'us-east-1', now(), 'arn:aws:s3:::${bucket}', '${bucket}', '{}')`),
  );
  db.close();
}

beforeAll(async () => {
  dir = tempDir();
  fromEnv = join(dir.dir, 'env.duckdb');
  fromFlag = join(dir.dir, 'flag.duckdb');
  await seed(fromEnv, 'bucket-in-env-db');
  await seed(fromFlag, 'bucket-in-flag-db');
}, 60_000);
afterAll(() => dir.cleanup());

describe('choosing the database file', () => {
  it('reads the database named by CALABI_DB when --db is absent', async () => {
    const r = await runCli(['query', 'SELECT name FROM aws_s3_buckets', '--format', 'csv'], { CALABI_DB: fromEnv });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bucket-in-env-db');
    expect(r.stdout).not.toContain('bucket-in-flag-db');
  });

  it('lets --db override CALABI_DB', async () => {
    const r = await runCli(['--db', fromFlag, 'query', 'SELECT name FROM aws_s3_buckets', '--format', 'csv'], { CALABI_DB: fromEnv });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bucket-in-flag-db');
    expect(r.stdout).not.toContain('bucket-in-env-db');
  });
});
