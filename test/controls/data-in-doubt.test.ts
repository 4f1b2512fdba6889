import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../controls/engine.js';
import { Database } from '../../schema/db.js';
import { runSync } from '../../sync/runner.js';
import { seed } from '../support/checks.js';
import { fileDb, memoryDb, tempDir } from '../support/db.js';

const account = '111111111111';
const day = 86_400_000;
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, 't_rds_encrypted.sql'), "SELECT arn AS resource_id, account_id, region, 'not encrypted' AS reason FROM aws_rds_db_instances WHERE NOT storage_encrypted");
  writeFileSync(join(dir, 't_rds_encrypted.json'), JSON.stringify({ title: 'RDS encrypted', severity: 'high', tables: ['aws_rds_db_instances'], scope: { table: 'aws_rds_db_instances' } }));
  mkdirSync(join(dir, 'benchmarks'));
  writeFileSync(
    join(dir, 'benchmarks', 'rds.json'),
    JSON.stringify({ id: 'rds', title: 'RDS', version: '1', requirements: [{ id: 'R.1', title: 'encrypted', section: 'S', level: 1, assessment: 'Automated', checks: ['t_rds_encrypted'] }] }),
  );
});
afterAll(() => cleanup());

/** One account, one region, one encrypted database, its scope synced `ageMs` ago. */
async function inventory(db: Database, ageMs: number): Promise<void> {
  const at = new Date(Date.now() - ageMs);
  await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws', synced_at: at }]);
  await seed(db, 'aws_regions', [{ region: 'us-east-1', synced_at: at }]);
  await seed(db, 'aws_rds_db_instances', [{ arn: `arn:aws:rds:us-east-1:${account}:db:db1`, db_instance_identifier: 'db1', storage_encrypted: true, synced_at: at }]);
  await db.run(
    `INSERT OR REPLACE INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error)
     VALUES (?, 'us-east-1', 'aws_rds_db_instances', 'ok', false, 1, ?, ?, 'run-1', NULL)`,
    [account, at, at],
  );
}

const evaluate = (db: Database, limits = {}) => evaluateBenchmark({ db, benchmarkId: 'rds', checksDirs: [dir], limits });

describe('data in doubt', () => {
  it('reports ERROR on data older than the maximum data age, and PASS within it or with the rule off', async () => {
    const db = await memoryDb();
    try {
      await inventory(db, 8 * day);
      const old = (await evaluate(db)).controls[0]!;
      expect(old.status).toBe('ERROR');
      expect(old.reason).toMatch(/aws_rds_db_instances is too old to trust in 111111111111\/us-east-1 \(collected .* UTC, older than the maximum data age of 7 days; sync again, or raise --max-data-age\)/);
      expect((await evaluate(db, { maxDataAgeMs: 9 * day })).controls[0]!.status).toBe('PASS');
      expect((await evaluate(db, { maxDataAgeMs: 0 })).controls[0]!.status).toBe('PASS');
    } finally {
      db.close();
    }
  });

  it('passes on fresh data', async () => {
    const db = await memoryDb();
    try {
      await inventory(db, 60_000);
      expect((await evaluate(db)).controls[0]!.status).toBe('PASS');
    } finally {
      db.close();
    }
  });

  it('reports ERROR on the older data after a sync that could not run at all (credentials refused)', async () => {
    const db = await memoryDb();
    try {
      await inventory(db, 60_000);
      // Nothing listens on port 1: the caller cannot be identified, so the sync cannot run for any account.
      await expect(
        runSync({ db, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' }, endpoint: 'http://127.0.0.1:1', maxAttempts: 1, regions: ['us-east-1'] }),
      ).rejects.toThrow(/cannot identify the AWS caller/);
      const runs = await db.all<{ status: string; accounts: string[] | null; message: string }>('SELECT status, accounts, message FROM sync_runs');
      expect(runs).toEqual([{ status: 'failed', accounts: null, message: expect.stringMatching(/^cannot identify the AWS caller/) }]);
      const c = (await evaluate(db)).controls[0]!;
      expect(c.status).toBe('ERROR');
      expect(c.reason).toMatch(/could not run \(cannot identify the AWS caller .*\), so these rows are from/);
    } finally {
      db.close();
    }
  });

  it('reports ERROR for scopes synced before an upgrade added a column to the table they read, until the next sync', async () => {
    const f = await fileDb();
    try {
      await inventory(f.db, 60_000);
      // The file as an older release wrote it: aws_rds_db_instances without one of today's columns.
      await f.db.run('ALTER TABLE aws_rds_db_instances DROP COLUMN publicly_accessible');
      f.db.close();
      const db = await Database.open(f.path);
      try {
        expect(await db.all('SELECT table_name, column_name FROM inventory_columns')).toEqual([{ table_name: 'aws_rds_db_instances', column_name: 'publicly_accessible' }]);
        const c = (await evaluate(db)).controls[0]!;
        expect(c.status).toBe('ERROR');
        expect(c.reason).toMatch(/aws_rds_db_instances gained columns after the last sync of 111111111111\/us-east-1 \(an upgrade on .* added publicly_accessible, which rows collected before/);
        // The next sync of the scope (simulated: its rows and scope rewritten now) makes it trustworthy again.
        await db.run("UPDATE sync_scopes SET synced_at = now()::TIMESTAMP + INTERVAL 1 DAY, attempted_at = now()::TIMESTAMP + INTERVAL 1 DAY WHERE table_name = 'aws_rds_db_instances'");
        expect((await evaluate(db)).controls[0]!.status).toBe('PASS');
      } finally {
        db.close();
      }
    } finally {
      f.cleanup();
    }
  });
});
