import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const good: Row = {
  storage_encrypted: true, backup_retention_period: 7, enabled_cloudwatch_logs_exports: ['audit'], deletion_protection: true,
  iam_database_authentication_enabled: true, copy_tags_to_snapshot: true, multi_az: true,
};
const cluster = (engine: string, id: string, extra: Row = {}): Row => ({
  arn: `arn:aws:rds:us-east-1:111111111111:cluster:${id}`, db_cluster_identifier: id, engine, ...good, ...extra,
});

// [check, engine, label, the column, a failing value and its reason]
const cases: [string, string, string, string, unknown, string][] = [
  ['documentdb_cluster_encrypted', 'docdb', 'Amazon DocumentDB', 'storage_encrypted', false, 'is not encrypted at rest'],
  ['documentdb_cluster_backup_retention', 'docdb', 'Amazon DocumentDB', 'backup_retention_period', 1, 'keeps backups for fewer than 7 days (1)'],
  ['documentdb_cluster_audit_logs_exported', 'docdb', 'Amazon DocumentDB', 'enabled_cloudwatch_logs_exports', ['profiler'], 'does not export audit logs to CloudWatch Logs'],
  ['documentdb_cluster_deletion_protection', 'docdb', 'Amazon DocumentDB', 'deletion_protection', false, 'has deletion protection off'],
  ['neptune_cluster_encrypted', 'neptune', 'Neptune', 'storage_encrypted', false, 'is not encrypted at rest'],
  ['neptune_cluster_audit_logs_exported', 'neptune', 'Neptune', 'enabled_cloudwatch_logs_exports', [], 'does not export audit logs to CloudWatch Logs'],
  ['neptune_cluster_deletion_protection', 'neptune', 'Neptune', 'deletion_protection', false, 'has deletion protection off'],
  ['neptune_cluster_backup_retention', 'neptune', 'Neptune', 'backup_retention_period', 6, 'keeps automated backups for fewer than 7 days (6)'],
  ['neptune_cluster_iam_authentication', 'neptune', 'Neptune', 'iam_database_authentication_enabled', false, 'does not use IAM database authentication'],
  ['neptune_cluster_copy_tags_to_snapshot', 'neptune', 'Neptune', 'copy_tags_to_snapshot', false, 'does not copy its tags to snapshots'],
  ['neptune_cluster_multi_az', 'neptune', 'Neptune', 'multi_az', false, 'has no instances in more than one Availability Zone'],
];

describe.each(cases)('%s', (id, engine, label, column, bad, why) => {
  it('fails the clusters of its engine that break it or did not report the setting, and only those', async () => {
    await seed(db, 'aws_rds_db_clusters', [
      cluster(engine, 'a-bad', { [column]: bad }),
      cluster(engine, 'b-unknown', { [column]: null }),
      cluster(engine, 'c-good'),
      // Another engine with the same fault is not in scope.
      cluster('aurora-postgresql', 'd-aurora', { [column]: bad }),
    ]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.resource_id, r.reason])).toEqual([
      ['arn:aws:rds:us-east-1:111111111111:cluster:a-bad', `${label} cluster a-bad ${why}`],
      ['arn:aws:rds:us-east-1:111111111111:cluster:b-unknown', `${label} cluster b-unknown did not report its ${column.replaceAll('_', ' ')}`],
    ]);
  });
  it('passes clusters configured as it asks', async () => {
    await seed(db, 'aws_rds_db_clusters', [cluster(engine, 'c-good')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
