import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

// FSBP RDS.38 (rds_postgresql_instance_force_ssl) and RDS.39 (rds_mysql_instance_require_secure_transport): the
// DB parameter groups of PostgreSQL and MySQL instances outside a cluster require TLS.
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const instance = (id: string, engine: string, groups: string[] | null, extra: Row = {}): Row => ({
  arn: `arn:aws:rds:us-east-1:111111111111:db:${id}`, db_instance_identifier: id, engine, db_parameter_groups: groups, ...extra,
});
const group = (name: string, extra: Row): Row => ({ arn: `arn:aws:rds:us-east-1:111111111111:pg:${name}`, name, parameters: {}, ...extra });
const reasons = (rows: Row[]) => rows.map((r) => [r.db_instance_identifier, r.reason]);

const cases = [
  ['rds_postgresql_instance_force_ssl', 'postgres', 'force_ssl', 'rds.force_ssl', 'mysql'],
  ['rds_mysql_instance_require_secure_transport', 'mysql', 'require_secure_transport', 'require_secure_transport', 'postgres'],
] as const;

describe.each(cases)('%s', (id, engine, column, parameter, otherEngine) => {
  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('passes an instance whose every parameter group requires TLS', async () => {
    await seed(db, 'aws_rds_db_parameter_groups', [group('strict', { [column]: true }), group('strict-too', { [column]: true })]);
    await seed(db, 'aws_rds_db_instances', [instance('good', engine, ['strict', 'strict-too'])]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails a group off or not reporting the parameter, a group not read, and an instance with no group; leaves others out', async () => {
    await seed(db, 'aws_rds_db_parameter_groups', [group('strict', { [column]: true }), group('lax', { [column]: false }), group('silent', { [column]: null })]);
    await seed(db, 'aws_rds_db_instances', [
      instance('a-lax', engine, ['lax']), instance('b-silent', engine, ['strict', 'silent']), instance('c-unread', engine, ['gone']),
      instance('d-none', engine, []), instance('e-good', engine, ['strict']),
      instance('f-member', engine, ['lax'], { db_cluster_identifier: 'maz' }), instance('g-other-engine', otherEngine, ['lax']),
    ]);
    expect(reasons(await checkFindings(db, id))).toEqual([
      ['a-lax', `The DB parameter group(s) lax of a-lax do not set ${parameter} to 1`],
      ['b-silent', `The DB parameter group(s) silent of b-silent do not set ${parameter} to 1`],
      ['c-unread', 'The DB parameter group(s) gone of c-unread were not read: sync again'],
      ['d-none', 'RDS DB instance d-none reports no DB parameter group: sync again'],
    ]);
  });

  it('reads a group of the same name in another region or account as a different group', async () => {
    await seed(db, 'aws_rds_db_parameter_groups', [group('strict', { [column]: true, region: 'eu-west-1' })]);
    await seed(db, 'aws_rds_db_instances', [instance('a', engine, ['strict'])]);
    expect((await checkFindings(db, id)).map((r) => r.reason)).toEqual(['The DB parameter group(s) strict of a were not read: sync again']);
  });
});
