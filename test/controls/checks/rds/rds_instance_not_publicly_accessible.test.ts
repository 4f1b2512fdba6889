import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const instance = (id: string, publicly_accessible: boolean | null) => ({ arn: `arn:aws:rds:us-east-1:111111111111:db:${id}`, db_instance_identifier: id, publicly_accessible });

describe('rds_instance_not_publicly_accessible', () => {
  it('fails a public instance, and one whose exposure AWS did not report, with distinct reasons', async () => {
    await seed(db, 'aws_rds_db_instances', [instance('open', true), instance('unknown', null), instance('private', false)]);
    const rows = await checkFindings(db, 'rds_instance_not_publicly_accessible');
    expect(rows.map((r) => [r.db_instance_identifier, r.reason])).toEqual([
      ['open', 'DB instance is publicly accessible: its endpoint resolves to a public IP address'],
      ['unknown', 'AWS did not report whether the DB instance is publicly accessible; treat it as public until confirmed'],
    ]);
  });

  it('passes a private instance', async () => {
    await seed(db, 'aws_rds_db_instances', [instance('private', false)]);
    expect(await checkFindings(db, 'rds_instance_not_publicly_accessible')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'rds_instance_not_publicly_accessible')).toEqual([]);
  });
});
