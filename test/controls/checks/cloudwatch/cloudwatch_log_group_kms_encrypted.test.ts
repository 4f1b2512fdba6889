import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const group = (name: string, key: string | null) => ({ arn: `arn:aws:logs:us-east-1:111111111111:log-group:${name}`, name, kms_key_id: key });

describe('cloudwatch_log_group_kms_encrypted', () => {
  it('fails a log group encrypted only with the service key', async () => {
    await seed(db, 'aws_logs_log_groups', [group('plain', null), group('keyed', 'arn:aws:kms:us-east-1:111111111111:key/abc')]);
    const rows = await checkFindings(db, 'cloudwatch_log_group_kms_encrypted');
    expect(rows.map((r) => r.log_group)).toEqual(['plain']);
    expect(rows[0]!.reason).toMatch(/only with the CloudWatch Logs service key/);
  });

  it('passes a log group associated with a KMS key', async () => {
    await seed(db, 'aws_logs_log_groups', [group('keyed', 'arn:aws:kms:us-east-1:111111111111:key/abc')]);
    expect(await checkFindings(db, 'cloudwatch_log_group_kms_encrypted')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudwatch_log_group_kms_encrypted')).toEqual([]);
  });
});
