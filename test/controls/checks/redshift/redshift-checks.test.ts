import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const arn = (id: string) => `arn:aws:redshift:us-east-1:111111111111:cluster:${id}`;
const cluster = (identifier: string, extra: Row) => seed(db, 'aws_redshift_clusters', [{ arn: arn(identifier), identifier, ...extra }]);
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => [r.resource_id, r.reason]);

/** Checks on one cluster column: [check, column, failing value and reason, passing value, what a NULL says]. */
const single: [string, string, unknown, string, unknown, string][] = [
  ['redshift_cluster_not_public', 'publicly_accessible', true, 'Redshift cluster bad is publicly accessible', false, 'The public accessibility of Redshift cluster unknown was not reported'],
  ['redshift_cluster_audit_logging_enabled', 'logging_enabled', false, 'Redshift cluster bad does not have audit logging enabled', true, 'The audit logging status of Redshift cluster unknown was not reported'],
  ['redshift_cluster_automatic_version_upgrade', 'allow_version_upgrade', false, 'Redshift cluster bad does not allow automatic major version upgrades', true, 'The version upgrade setting of Redshift cluster unknown was not reported'],
  ['redshift_cluster_enhanced_vpc_routing', 'enhanced_vpc_routing', false, 'Redshift cluster bad does not use enhanced VPC routing', true, 'The VPC routing setting of Redshift cluster unknown was not reported'],
  ['redshift_cluster_encrypted_at_rest', 'encrypted', false, 'Redshift cluster bad is not encrypted at rest', true, 'The encryption of Redshift cluster unknown was not reported'],
  ['redshift_cluster_not_default_admin_username', 'master_username', 'awsuser', 'Redshift cluster bad uses the default admin user name awsuser', 'warehouse_admin', 'The admin user name of Redshift cluster unknown was not reported'],
  ['redshift_cluster_not_default_database_name', 'db_name', 'dev', 'Redshift cluster bad uses the default database name dev', 'sales', 'The database name of Redshift cluster unknown was not reported'],
];

describe.each(single)('%s', (id, column, bad, badReason, good, unknownReason) => {
  it(`fails a cluster whose ${column} is ${String(bad)}, and one where it was not reported`, async () => {
    await cluster('bad', { [column]: bad });
    await cluster('unknown', { [column]: null });
    await cluster('good', { [column]: good });
    expect(await reasons(id)).toEqual([[arn('bad'), badReason], [arn('unknown'), unknownReason]]);
  });
  it(`passes a cluster whose ${column} is ${String(good)}`, async () => {
    await cluster('good', { [column]: good });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('redshift_cluster_automated_snapshots_7_days', () => {
  const id = 'redshift_cluster_automated_snapshots_7_days';
  it('fails clusters without automated snapshots or keeping them fewer than 7 days', async () => {
    await cluster('off', { automated_snapshot_retention_period: 0 });
    await cluster('short', { automated_snapshot_retention_period: 6 });
    await cluster('week', { automated_snapshot_retention_period: 7 });
    expect(await reasons(id)).toEqual([
      [arn('off'), 'Redshift cluster off takes no automated snapshots'],
      [arn('short'), 'Redshift cluster short keeps automated snapshots 6 day(s), fewer than 7'],
    ]);
  });
  it('passes 7 days and more', async () => {
    await cluster('week', { automated_snapshot_retention_period: 7 });
    await cluster('month', { automated_snapshot_retention_period: 35 });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('redshift_cluster_requires_tls', () => {
  const id = 'redshift_cluster_requires_tls';
  const group = (name: string, requireSsl: boolean | null) => ({ arn: `arn:aws:redshift:us-east-1:111111111111:parametergroup:${name}`, name, require_ssl: requireSsl });
  it('fails clusters whose parameter group does not require TLS, and one whose group was not read', async () => {
    await seed(db, 'aws_redshift_parameter_groups', [group('default.redshift-1.0', false), group('tls', true), group('unset', null)]);
    await cluster('plain', { parameter_group_names: ['default.redshift-1.0'] });
    await cluster('unset', { parameter_group_names: ['unset'] });
    await cluster('missing', { parameter_group_names: ['gone'] });
    await cluster('tls', { parameter_group_names: ['tls'] });
    expect(await reasons(id)).toEqual([
      [arn('missing'), 'The parameter group(s) of Redshift cluster missing were not read: whether it requires TLS is unknown'],
      [arn('plain'), 'Redshift cluster plain does not require TLS (require_ssl is not true in default.redshift-1.0)'],
      [arn('unset'), 'Redshift cluster unset does not require TLS (require_ssl is not true in unset)'],
    ]);
  });
  it('passes clusters whose parameter group requires TLS', async () => {
    await seed(db, 'aws_redshift_parameter_groups', [group('tls', true)]);
    await cluster('tls', { parameter_group_names: ['tls'] });
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
