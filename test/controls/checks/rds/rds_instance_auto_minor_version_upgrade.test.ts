import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const instance = (id: string, auto_minor_version_upgrade: boolean) => ({ arn: `arn:aws:rds:us-east-1:111111111111:db:${id}`, db_instance_identifier: id, auto_minor_version_upgrade });

describe('rds_instance_auto_minor_version_upgrade', () => {
  it('fails an instance with automatic minor upgrades off', async () => {
    await seed(db, 'aws_rds_db_instances', [instance('frozen', false), instance('patched', true)]);
    const rows = await checkFindings(db, 'rds_instance_auto_minor_version_upgrade');
    expect(rows.map((r) => r.db_instance_identifier)).toEqual(['frozen']);
  });

  it('passes when every instance upgrades automatically', async () => {
    await seed(db, 'aws_rds_db_instances', [instance('patched', true)]);
    expect(await checkFindings(db, 'rds_instance_auto_minor_version_upgrade')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'rds_instance_auto_minor_version_upgrade')).toEqual([]);
  });
});
