import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const db1 = (id: string, engine: string, iam: boolean | null) => ({ arn: `arn:aws:rds:us-east-1:111111111111:db:${id}`, db_instance_identifier: id, engine, iam_database_authentication_enabled: iam });

describe('rds_instance_iam_authentication_enabled', () => {
  it('fails a MySQL or PostgreSQL instance without IAM authentication', async () => {
    await seed(db, 'aws_rds_db_instances', [db1('my', 'mysql', false), db1('pg', 'aurora-postgresql', null), db1('ok', 'postgres', true)]);
    const rows = await checkFindings(db, 'rds_instance_iam_authentication_enabled');
    expect(rows.map((r) => [r.db_instance_identifier, r.reason])).toEqual([
      ['my', 'IAM database authentication is off for my (mysql)'],
      ['pg', 'IAM database authentication is off for pg (aurora-postgresql)'],
    ]);
  });

  it('passes an instance with IAM authentication, and does not judge engines that cannot have it', async () => {
    await seed(db, 'aws_rds_db_instances', [db1('ok', 'mariadb', true), db1('ora', 'oracle-ee', false), db1('mssql', 'sqlserver-se', false)]);
    expect(await checkFindings(db, 'rds_instance_iam_authentication_enabled')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'rds_instance_iam_authentication_enabled')).toEqual([]);
  });
});
