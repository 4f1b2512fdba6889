import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

// FSBP RDS.6, .9, .11, .17, .23, .25, .36: DB instance checks over aws_rds_db_instances (and clusters for log exports).
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const good: Row = {
  engine: 'postgres', backup_retention_period: 7, monitoring_interval: 60, enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'],
  copy_tags_to_snapshot: true, endpoint_port: 5433, master_username: 'dbowner',
};
const instance = (id: string, extra: Row = {}): Row => ({ arn: `arn:aws:rds:us-east-1:111111111111:db:${id}`, db_instance_identifier: id, ...good, ...extra });
const cluster = (id: string, extra: Row = {}): Row => ({ arn: `arn:aws:rds:us-east-1:111111111111:cluster:${id}`, db_cluster_identifier: id, ...extra });
const ids = (rows: Row[]) => rows.map((r) => r.db_instance_identifier);
const reasons = (rows: Row[]) => rows.map((r) => [r.db_instance_identifier, r.reason]);

const all = ['rds_instance_backup_retention_7_days', 'rds_instance_enhanced_monitoring_enabled', 'rds_instance_logs_exported', 'rds_instance_copy_tags_to_snapshot', 'rds_instance_non_default_port', 'rds_instance_custom_admin_username', 'rds_instance_postgresql_logs_exported'];

describe('FSBP RDS instance checks', () => {
  it.each(all)('%s returns nothing for an empty inventory', async (id) => {
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it.each(all)('%s passes an instance configured as its control asks', async (id) => {
    await seed(db, 'aws_rds_db_instances', [instance('good')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('rds_instance_backup_retention_7_days (RDS.11)', () => {
  it('fails fewer than 7 days, backups off and an unknown period, and leaves read replicas out', async () => {
    await seed(db, 'aws_rds_db_instances', [
      instance('a-six', { backup_retention_period: 6 }), instance('b-off', { backup_retention_period: 0 }),
      instance('c-unknown', { backup_retention_period: null }), instance('d-seven'), instance('e-replica', { backup_retention_period: 0, read_replica_source: 'd-seven' }),
    ]);
    expect(reasons(await checkFindings(db, 'rds_instance_backup_retention_7_days'))).toEqual([
      ['a-six', 'Automated backups of a-six are kept 6 days, fewer than 7'],
      ['b-off', 'Automated backups are off for b-off'],
      ['c-unknown', 'The backup retention period of c-unknown is unknown: sync again'],
    ]);
  });
});

describe('rds_instance_enhanced_monitoring_enabled (RDS.6)', () => {
  it('fails monitoring interval 0 and an interval AWS did not report, passes any interval above 0', async () => {
    await seed(db, 'aws_rds_db_instances', [instance('a-off', { monitoring_interval: 0 }), instance('b-unknown', { monitoring_interval: null }), instance('c-one', { monitoring_interval: 1 })]);
    expect(reasons(await checkFindings(db, 'rds_instance_enhanced_monitoring_enabled'))).toEqual([
      ['a-off', 'Enhanced Monitoring is off for a-off (monitoring interval 0)'],
      ['b-unknown', 'The monitoring interval of b-unknown is unknown: sync again'],
    ]);
  });
});

describe('rds_instance_logs_exported (RDS.9)', () => {
  it('fails an instance missing any log type its engine requires and names the missing ones', async () => {
    await seed(db, 'aws_rds_db_instances', [
      instance('a-pg', { enabled_cloudwatch_logs_exports: ['postgresql'] }),
      instance('b-mysql', { engine: 'mysql', enabled_cloudwatch_logs_exports: ['error', 'slowquery'] }),
      instance('c-oracle', { engine: 'oracle-ee', enabled_cloudwatch_logs_exports: ['alert', 'audit', 'trace', 'listener'] }),
      instance('d-sqlserver', { engine: 'sqlserver-se', enabled_cloudwatch_logs_exports: ['agent'] }),
      instance('e-mariadb', { engine: 'mariadb', enabled_cloudwatch_logs_exports: [] }),
      // Engines the control does not list are out of scope.
      instance('f-neptune', { engine: 'neptune', enabled_cloudwatch_logs_exports: [] }),
    ]);
    const rows = await checkFindings(db, 'rds_instance_logs_exported');
    expect(rows.map((r) => [r.db_instance_identifier, r.missing_log_types])).toEqual([
      ['a-pg', ['upgrade']], ['b-mysql', ['audit', 'general']], ['d-sqlserver', ['error']], ['e-mariadb', ['audit', 'error', 'general', 'slowquery']],
    ]);
    expect(rows[0]!.reason).toBe('RDS DB instance a-pg (postgres) does not export upgrade to CloudWatch Logs');
  });

  it("counts a cluster member's cluster exports, and judges a member whose cluster is not synced on its own", async () => {
    await seed(db, 'aws_rds_db_clusters', [cluster('aur', { engine: 'aurora-postgresql', enabled_cloudwatch_logs_exports: ['postgresql'] })]);
    await seed(db, 'aws_rds_db_instances', [
      instance('a-member', { engine: 'aurora-postgresql', db_cluster_identifier: 'aur', enabled_cloudwatch_logs_exports: [] }),
      instance('b-orphan', { engine: 'aurora-mysql', db_cluster_identifier: 'gone', enabled_cloudwatch_logs_exports: ['audit'] }),
    ]);
    expect(ids(await checkFindings(db, 'rds_instance_logs_exported'))).toEqual(['b-orphan']);
  });
});

describe('rds_instance_copy_tags_to_snapshot (RDS.17)', () => {
  it('fails an instance that does not copy tags or did not say, and leaves cluster members to the cluster', async () => {
    await seed(db, 'aws_rds_db_instances', [
      instance('a-off', { copy_tags_to_snapshot: false }), instance('b-unknown', { copy_tags_to_snapshot: null }),
      instance('c-member', { copy_tags_to_snapshot: false, db_cluster_identifier: 'aur' }),
    ]);
    expect(reasons(await checkFindings(db, 'rds_instance_copy_tags_to_snapshot'))).toEqual([
      ['a-off', 'RDS DB instance a-off does not copy tags to snapshots'],
      ['b-unknown', 'Whether b-unknown copies tags to snapshots is unknown: sync again'],
    ]);
  });
});

describe('rds_instance_non_default_port (RDS.23)', () => {
  it("fails each engine's default port and an unknown port, passes other ports, leaves cluster members out", async () => {
    await seed(db, 'aws_rds_db_instances', [
      instance('a-pg', { endpoint_port: 5432 }), instance('b-mysql', { engine: 'mysql', endpoint_port: 3306 }),
      instance('c-oracle', { engine: 'oracle-se2', endpoint_port: 1521 }), instance('d-sqlserver', { engine: 'sqlserver-ex', endpoint_port: 1433 }),
      instance('e-unknown', { endpoint_port: null }), instance('f-mysql-on-5432', { engine: 'mysql', endpoint_port: 5432 }),
      instance('g-member', { engine: 'aurora-mysql', endpoint_port: 3306, db_cluster_identifier: 'aur' }),
    ]);
    const rows = await checkFindings(db, 'rds_instance_non_default_port');
    expect(ids(rows)).toEqual(['a-pg', 'b-mysql', 'c-oracle', 'd-sqlserver', 'e-unknown']);
    expect(rows[0]!.reason).toBe("RDS DB instance a-pg (postgres) listens on its engine's default port 5432");
  });
});

describe('rds_instance_custom_admin_username (RDS.25)', () => {
  it('fails admin and postgres in any case and an unknown name; leaves cluster members, Neptune and DocumentDB out', async () => {
    await seed(db, 'aws_rds_db_instances', [
      instance('a-admin', { engine: 'mysql', master_username: 'admin' }), instance('b-postgres', { master_username: 'Postgres' }),
      instance('c-unknown', { master_username: null }), instance('d-root', { master_username: 'root' }),
      instance('e-member', { master_username: 'admin', db_cluster_identifier: 'aur' }), instance('f-docdb', { engine: 'docdb', master_username: 'admin' }),
    ]);
    expect(reasons(await checkFindings(db, 'rds_instance_custom_admin_username'))).toEqual([
      ['a-admin', 'RDS DB instance a-admin uses the default administrator user name admin'],
      ['b-postgres', 'RDS DB instance b-postgres uses the default administrator user name Postgres'],
      ['c-unknown', 'The administrator user name of c-unknown is unknown: sync again'],
    ]);
  });
});

describe('rds_instance_postgresql_logs_exported (RDS.36)', () => {
  it("fails a PostgreSQL instance without the postgresql log, counting its cluster's exports; other engines are out", async () => {
    await seed(db, 'aws_rds_db_clusters', [cluster('maz', { engine: 'postgres', enabled_cloudwatch_logs_exports: ['postgresql'] })]);
    await seed(db, 'aws_rds_db_instances', [
      instance('a-upgrade-only', { enabled_cloudwatch_logs_exports: ['upgrade'] }), instance('b-none', { enabled_cloudwatch_logs_exports: [] }),
      instance('c-member', { enabled_cloudwatch_logs_exports: [], db_cluster_identifier: 'maz' }), instance('d-mysql', { engine: 'mysql', enabled_cloudwatch_logs_exports: [] }),
    ]);
    const rows = await checkFindings(db, 'rds_instance_postgresql_logs_exported');
    expect(reasons(rows)).toEqual([
      ['a-upgrade-only', 'RDS for PostgreSQL DB instance a-upgrade-only does not export the postgresql log to CloudWatch Logs'],
      ['b-none', 'RDS for PostgreSQL DB instance b-none does not export the postgresql log to CloudWatch Logs'],
    ]);
  });
});
