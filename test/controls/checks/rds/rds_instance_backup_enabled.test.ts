import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const db1 = (id: string, retention: number | null) => ({ arn: `arn:aws:rds:us-east-1:111111111111:db:${id}`, db_instance_identifier: id, engine: 'postgres', backup_retention_period: retention });

describe('rds_instance_backup_enabled', () => {
  it('fails an instance with backups off, and one whose retention is unknown (fail closed)', async () => {
    await seed(db, 'aws_rds_db_instances', [db1('off', 0), db1('unknown', null), db1('kept', 7)]);
    const rows = await checkFindings(db, 'rds_instance_backup_enabled');
    expect(rows.map((r) => [r.db_instance_identifier, r.reason])).toEqual([
      ['off', 'Automated backups are off for off (retention period 0 days)'],
      ['unknown', 'The backup retention period of unknown is unknown: sync again'],
    ]);
  });

  it('passes an instance that keeps automated backups for at least a day', async () => {
    await seed(db, 'aws_rds_db_instances', [db1('day', 1), db1('week', 7)]);
    expect(await checkFindings(db, 'rds_instance_backup_enabled')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'rds_instance_backup_enabled')).toEqual([]);
  });
});
