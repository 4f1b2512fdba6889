import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const group = (name: string, retention: number | null, cls = 'STANDARD') => ({
  arn: `arn:aws:logs:us-east-1:111111111111:log-group:${name}`, name, retention_in_days: retention, log_group_class: cls,
});

describe('cloudwatch_log_group_retention_365_days', () => {
  it('fails a log group that keeps events less than a year, saying how long', async () => {
    await seed(db, 'aws_logs_log_groups', [group('short', 90), group('year', 365), group('forever', null)]);
    const rows = await checkFindings(db, 'cloudwatch_log_group_retention_365_days');
    expect(rows.map((r) => [r.log_group, r.reason])).toEqual([['short', 'Log group short keeps events 90 days, less than 365']]);
  });

  it('passes a year or more, events that never expire, and leaves delivery-class groups out', async () => {
    await seed(db, 'aws_logs_log_groups', [group('year', 365), group('long', 3653), group('forever', null), group('delivery', 1, 'DELIVERY')]);
    expect(await checkFindings(db, 'cloudwatch_log_group_retention_365_days')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudwatch_log_group_retention_365_days')).toEqual([]);
  });
});
