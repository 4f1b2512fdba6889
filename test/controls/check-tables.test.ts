import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CheckTables } from '../../controls/check-tables.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { Database } from '../../schema/db.js';
import { seed } from '../support/checks.js';
import { memoryDb, tempDir } from '../support/db.js';

const account = '111111111111';
let dir: string;
let cleanup: () => void;
let db: Database;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  // Both checks' metadata forget the table that decides them: only aws_accounts is declared.
  const meta = JSON.stringify({ title: 'forgetful', severity: 'high', tables: ['aws_accounts'], scope: { table: 'aws_accounts' } });
  writeFileSync(join(dir, 't_forgets_rds.sql'), "SELECT arn AS resource_id, account_id, region, 'not encrypted' AS reason FROM aws_rds_db_instances WHERE NOT storage_encrypted");
  writeFileSync(join(dir, 't_forgets_rds.json'), meta);
  // Reads aws_cloudtrail_trails only through a view of schema/sql-objects.ts.
  writeFileSync(join(dir, 't_forgets_trails.sql'), "SELECT a.account_id AS resource_id, a.account_id, 'global' AS region, 'no compliant trail' AS reason FROM aws_accounts a WHERE NOT EXISTS (SELECT 1 FROM calabi_cloudtrail_management_trails t WHERE t.account_id = a.account_id AND t.compliant)");
  writeFileSync(join(dir, 't_forgets_trails.json'), meta);
  mkdirSync(join(dir, 'benchmarks'));
  const req = (id: string, check: string) => ({ id, title: id, section: 'S', level: 1, assessment: 'Automated', checks: [check] });
  writeFileSync(join(dir, 'benchmarks', 'forgetful.json'), JSON.stringify({ id: 'forgetful', title: 'F', version: '1', requirements: [req('F.1', 't_forgets_rds'), req('F.2', 't_forgets_trails')] }));
});
afterAll(() => cleanup());

async function scope(table: string, region: string, status: 'ok' | 'error'): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO sync_scopes (account_id, region, table_name, status, stale, row_count, synced_at, attempted_at, run_id, error)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, 'run-1', ?)`,
    [account, region, table, status, status === 'error', new Date(), new Date(), status === 'error' ? 'AccessDenied' : null],
  );
}

beforeEach(async () => {
  db = await memoryDb();
  await seed(db, 'aws_accounts', [{ account_id: account, arn: `arn:aws:::${account}`, partition: 'aws' }]);
  await seed(db, 'aws_regions', [{ region: 'us-east-1' }]);
  await seed(db, 'aws_cloudtrail_trails', [{ arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/t', name: 't', is_multi_region: true, is_logging: true, include_management_events: true, read_write_type: 'All' }]);
  await scope('aws_accounts', 'global', 'ok');
});
afterEach(() => db.close());

describe('the tables a check reads', () => {
  it('are derived from its SQL, expanding views and macros, and leaving out WITH names', async () => {
    const conn = await db.connect();
    try {
      const derive = await CheckTables.load(conn);
      expect([...(await derive.of('WITH x AS (SELECT * FROM aws_iam_users) SELECT * FROM x JOIN "aws_s3_buckets" b ON true'))!].sort()).toEqual(['aws_iam_users', 'aws_s3_buckets']);
      expect([...(await derive.of("SELECT * FROM calabi_cis_monitoring_failures(['$.eventName = CreateTrail'])"))!].sort()).toEqual([
        'aws_accounts', 'aws_cloudtrail_trails', 'aws_cloudwatch_alarms', 'aws_logs_metric_filters', 'aws_regions', 'aws_sns_subscriptions',
      ]);
      expect([...(await derive.of('WITH aws_iam_users AS (SELECT * FROM aws_iam_users) SELECT * FROM aws_iam_users'))!]).toEqual(['aws_iam_users']);
      expect(await derive.of('SELEC nonsense')).toBeNull();
    } finally {
      conn.closeSync();
    }
  });

  it('make a custom check whose metadata forgets a table ERROR, not PASS, when that table failed to sync', async () => {
    await scope('aws_rds_db_instances', 'us-east-1', 'error');
    await scope('aws_cloudtrail_trails', 'us-east-1', 'error');
    const report = await evaluateBenchmark({ db, benchmarkId: 'forgetful', checksDirs: [dir] });
    expect(report.controls.map((c) => [c.id, c.status])).toEqual([['F.1', 'ERROR'], ['F.2', 'ERROR']]);
    expect(report.controls[0]!.reason).toMatch(/aws_rds_db_instances failed to sync in 111111111111\/us-east-1/);
    expect(report.controls[1]!.reason).toMatch(/aws_cloudtrail_trails failed to sync in 111111111111\/us-east-1/);
  });

  it('let the same checks PASS when those tables synced', async () => {
    await scope('aws_rds_db_instances', 'us-east-1', 'ok');
    await scope('aws_cloudtrail_trails', 'us-east-1', 'ok');
    const report = await evaluateBenchmark({ db, benchmarkId: 'forgetful', checksDirs: [dir] });
    expect(report.controls.map((c) => [c.id, c.status])).toEqual([['F.1', 'PASS'], ['F.2', 'PASS']]);
  });
});
