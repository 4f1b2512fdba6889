import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { upsertScope, upsertScopes, type ScopeRecord } from '../../sync/writer.js';

// sync_scopes records what each table holds for an account and region; a Terraform plan marks every inventory
// table collected at once (upsertScopes), a sync one scope at a time (upsertScope). Real in-memory DuckDB.
let db: Database | undefined;
afterEach(() => db?.close());

const at = new Date('2026-12-01T10:00:00Z');
const scope = (table: string, region: string, rowCount: number, runId = 'run-1'): ScopeRecord => ({
  accountId: '111111111111', region, table, status: 'ok', stale: false, rowCount, syncedAt: at, runId, error: null,
});
const rows = async () =>
  (await db!.all<{ table_name: string; region: string; row_count: number; run_id: string }>(
    'SELECT table_name, region, row_count::INTEGER AS row_count, run_id FROM sync_scopes ORDER BY table_name, region',
  ));

describe('recording scopes', () => {
  it('replaces the named scopes\' rows in one call and leaves every other scope as it was', async () => {
    db = await Database.open(':memory:');
    await db.write((tx) => upsertScopes(tx, [scope('aws_s3_buckets', 'global', 4), scope('aws_ec2_instances', 'us-east-1', 2), scope('aws_ec2_instances', 'eu-west-1', 7)]));
    await db.write((tx) => upsertScopes(tx, [scope('aws_s3_buckets', 'global', 5, 'run-2'), scope('aws_ec2_instances', 'us-east-1', 0, 'run-2')]));
    expect(await rows()).toEqual([
      { table_name: 'aws_ec2_instances', region: 'eu-west-1', row_count: 7, run_id: 'run-1' },
      { table_name: 'aws_ec2_instances', region: 'us-east-1', row_count: 0, run_id: 'run-2' },
      { table_name: 'aws_s3_buckets', region: 'global', row_count: 5, run_id: 'run-2' },
    ]);
  });

  it('records one scope as a sync does, and does nothing for none', async () => {
    db = await Database.open(':memory:');
    await db.write((tx) => upsertScope(tx, scope('aws_kms_keys', 'us-east-1', 3)));
    await db.write((tx) => upsertScope(tx, scope('aws_kms_keys', 'us-east-1', 4, 'run-2')));
    await db.write((tx) => upsertScopes(tx, []));
    expect(await rows()).toEqual([{ table_name: 'aws_kms_keys', region: 'us-east-1', row_count: 4, run_id: 'run-2' }]);
  });
});
