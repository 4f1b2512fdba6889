import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const instance = (id: string, storage_encrypted: boolean) => ({ arn: `arn:aws:rds:us-east-1:111111111111:db:${id}`, db_instance_identifier: id, engine: 'postgres', storage_encrypted });

describe('rds_instance_storage_encrypted', () => {
  it('fails an unencrypted instance and passes an encrypted one', async () => {
    await seed(db, 'aws_rds_db_instances', [instance('plain', false), instance('sealed', true)]);
    const rows = await checkFindings(db, 'rds_instance_storage_encrypted');
    expect(rows.map((r) => [r.resource_id, r.reason])).toEqual([['arn:aws:rds:us-east-1:111111111111:db:plain', 'DB instance storage is not encrypted at rest']]);
  });

  it('passes when every instance is encrypted', async () => {
    await seed(db, 'aws_rds_db_instances', [instance('sealed', true)]);
    expect(await checkFindings(db, 'rds_instance_storage_encrypted')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'rds_instance_storage_encrypted')).toEqual([]);
  });
});
