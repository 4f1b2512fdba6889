import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

// FSBP RDS.12, .14, .16, .23 (clusters), .24, .34, .35, .37: DB cluster checks over aws_rds_db_clusters.
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const good: Row = {
  engine_mode: 'provisioned', iam_database_authentication_enabled: true, backtrack_window: 86400, copy_tags_to_snapshot: true,
  port: 3307, master_username: 'dbowner', enabled_cloudwatch_logs_exports: ['audit', 'postgresql'], auto_minor_version_upgrade: true,
};
const cluster = (id: string, engine: string, extra: Row = {}): Row => ({
  arn: `arn:aws:rds:us-east-1:111111111111:cluster:${id}`, db_cluster_identifier: id, engine, ...good, ...extra,
});
const reasons = (rows: Row[]) => rows.map((r) => [r.db_cluster_identifier, r.reason]);
const ids = (rows: Row[]) => rows.map((r) => r.db_cluster_identifier);

const all = ['rds_cluster_iam_authentication_enabled', 'rds_cluster_backtracking_enabled', 'rds_cluster_copy_tags_to_snapshot', 'rds_cluster_non_default_port', 'rds_cluster_custom_admin_username', 'rds_cluster_aurora_mysql_audit_logs_exported', 'rds_cluster_auto_minor_version_upgrade', 'rds_cluster_aurora_postgresql_logs_exported'];

describe('FSBP RDS cluster checks', () => {
  it.each(all)('%s returns nothing for an empty inventory', async (id) => {
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it.each(all)('%s passes clusters of every engine configured as its control asks', async (id) => {
    await seed(db, 'aws_rds_db_clusters', [cluster('a', 'aurora-mysql'), cluster('b', 'aurora-postgresql', { port: 5433 }), cluster('c', 'postgres', { port: 5433 }), cluster('d', 'mysql')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('rds_cluster_iam_authentication_enabled (RDS.12)', () => {
  it('fails IAM authentication off or unreported, leaving Neptune and DocumentDB to their own controls', async () => {
    await seed(db, 'aws_rds_db_clusters', [
      cluster('a-off', 'aurora-postgresql', { iam_database_authentication_enabled: false }), cluster('b-unknown', 'mysql', { iam_database_authentication_enabled: null }),
      cluster('c-neptune', 'neptune', { iam_database_authentication_enabled: false }), cluster('d-docdb', 'docdb', { iam_database_authentication_enabled: false }),
    ]);
    expect(reasons(await checkFindings(db, 'rds_cluster_iam_authentication_enabled'))).toEqual([
      ['a-off', 'IAM database authentication is off for RDS DB cluster a-off'],
      ['b-unknown', 'Whether IAM authentication is on for b-unknown is unknown: sync again'],
    ]);
  });
});

describe('rds_cluster_backtracking_enabled (RDS.14)', () => {
  it('fails an Aurora MySQL cluster without a backtrack window (0 or not reported); other engines are out', async () => {
    await seed(db, 'aws_rds_db_clusters', [
      cluster('a-zero', 'aurora-mysql', { backtrack_window: 0 }), cluster('b-absent', 'aurora', { backtrack_window: null }),
      cluster('c-pg', 'aurora-postgresql', { backtrack_window: null }),
    ]);
    expect(reasons(await checkFindings(db, 'rds_cluster_backtracking_enabled'))).toEqual([
      ['a-zero', 'Backtracking is off for Aurora MySQL DB cluster a-zero'],
      ['b-absent', 'Backtracking is off for Aurora MySQL DB cluster b-absent'],
    ]);
  });
});

describe('rds_cluster_copy_tags_to_snapshot (RDS.16)', () => {
  it('fails an Aurora cluster that does not copy tags or did not say; Multi-AZ DB clusters are out', async () => {
    await seed(db, 'aws_rds_db_clusters', [
      cluster('a-off', 'aurora-postgresql', { copy_tags_to_snapshot: false }), cluster('b-unknown', 'aurora-mysql', { copy_tags_to_snapshot: null }),
      cluster('c-maz', 'postgres', { copy_tags_to_snapshot: false }),
    ]);
    expect(reasons(await checkFindings(db, 'rds_cluster_copy_tags_to_snapshot'))).toEqual([
      ['a-off', 'Aurora DB cluster a-off does not copy tags to snapshots'],
      ['b-unknown', 'Whether b-unknown copies tags to snapshots is unknown: sync again'],
    ]);
  });
});

describe('rds_cluster_non_default_port (RDS.23)', () => {
  it("fails a cluster on its engine's default port or with no port reported; Neptune and DocumentDB are out", async () => {
    await seed(db, 'aws_rds_db_clusters', [
      cluster('a-aurora-mysql', 'aurora-mysql', { port: 3306 }), cluster('b-aurora-pg', 'aurora-postgresql', { port: 5432 }),
      cluster('c-maz-mysql', 'mysql', { port: 3306 }), cluster('d-unknown', 'postgres', { port: null }),
      cluster('e-pg-on-3306', 'aurora-postgresql', { port: 3306 }), cluster('f-neptune', 'neptune', { port: 8182 }),
    ]);
    const rows = await checkFindings(db, 'rds_cluster_non_default_port');
    expect(ids(rows)).toEqual(['a-aurora-mysql', 'b-aurora-pg', 'c-maz-mysql', 'd-unknown']);
    expect(rows[0]!.reason).toBe("RDS DB cluster a-aurora-mysql (aurora-mysql) listens on its engine's default port 3306");
  });
});

describe('rds_cluster_custom_admin_username (RDS.24)', () => {
  it('fails admin and postgres in any case and an unknown name; Neptune and DocumentDB are out', async () => {
    await seed(db, 'aws_rds_db_clusters', [
      cluster('a-admin', 'aurora-mysql', { master_username: 'ADMIN' }), cluster('b-postgres', 'aurora-postgresql', { master_username: 'postgres' }),
      cluster('c-unknown', 'mysql', { master_username: null }), cluster('d-docdb', 'docdb', { master_username: 'admin' }),
    ]);
    expect(reasons(await checkFindings(db, 'rds_cluster_custom_admin_username'))).toEqual([
      ['a-admin', 'RDS DB cluster a-admin uses the default administrator user name ADMIN'],
      ['b-postgres', 'RDS DB cluster b-postgres uses the default administrator user name postgres'],
      ['c-unknown', 'The administrator user name of c-unknown is unknown: sync again'],
    ]);
  });
});

describe('rds_cluster_aurora_mysql_audit_logs_exported (RDS.34)', () => {
  it('fails an Aurora MySQL cluster that does not export audit logs; Serverless v1 and other engines are out', async () => {
    await seed(db, 'aws_rds_db_clusters', [
      cluster('a-slow', 'aurora-mysql', { enabled_cloudwatch_logs_exports: ['error', 'slowquery'] }), cluster('b-none', 'aurora-mysql', { enabled_cloudwatch_logs_exports: [] }),
      cluster('c-serverless', 'aurora-mysql', { engine_mode: 'serverless', enabled_cloudwatch_logs_exports: [] }),
      cluster('d-pg', 'aurora-postgresql', { enabled_cloudwatch_logs_exports: [] }),
    ]);
    expect(reasons(await checkFindings(db, 'rds_cluster_aurora_mysql_audit_logs_exported'))).toEqual([
      ['a-slow', 'Aurora MySQL DB cluster a-slow does not export its audit log to CloudWatch Logs'],
      ['b-none', 'Aurora MySQL DB cluster b-none does not export its audit log to CloudWatch Logs'],
    ]);
  });
});

describe('rds_cluster_auto_minor_version_upgrade (RDS.35)', () => {
  it('fails a Multi-AZ DB cluster with automatic minor upgrades off or unreported; Aurora is out', async () => {
    await seed(db, 'aws_rds_db_clusters', [
      cluster('a-off', 'postgres', { auto_minor_version_upgrade: false }), cluster('b-unknown', 'mysql', { auto_minor_version_upgrade: null }),
      cluster('c-aurora', 'aurora-mysql', { auto_minor_version_upgrade: false }),
    ]);
    expect(reasons(await checkFindings(db, 'rds_cluster_auto_minor_version_upgrade'))).toEqual([
      ['a-off', 'Automatic minor version upgrade is off for Multi-AZ DB cluster a-off'],
      ['b-unknown', 'Whether b-unknown upgrades minor versions automatically is unknown: sync again'],
    ]);
  });
});

describe('rds_cluster_aurora_postgresql_logs_exported (RDS.37)', () => {
  it('fails an Aurora PostgreSQL cluster that does not export the postgresql log; other engines are out', async () => {
    await seed(db, 'aws_rds_db_clusters', [
      cluster('a-none', 'aurora-postgresql', { enabled_cloudwatch_logs_exports: [] }), cluster('b-maz', 'postgres', { enabled_cloudwatch_logs_exports: [] }),
    ]);
    expect(reasons(await checkFindings(db, 'rds_cluster_aurora_postgresql_logs_exported'))).toEqual([
      ['a-none', 'Aurora PostgreSQL DB cluster a-none does not export the postgresql log to CloudWatch Logs'],
    ]);
  });
});
