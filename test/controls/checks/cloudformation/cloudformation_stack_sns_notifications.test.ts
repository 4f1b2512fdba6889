import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const stack = (name: string, topics: string[] | null, parent: string | null = null) => ({
  arn: `arn:aws:cloudformation:us-east-1:111111111111:stack/${name}/1`, name, status: 'CREATE_COMPLETE', notification_arns: topics, parent_id: parent,
});
const check = 'cloudformation_stack_sns_notifications';

describe(check, () => {
  it('fails a stack, nested or not, that notifies no SNS topic, and one whose topics were not reported', async () => {
    await seed(db, 'aws_cloudformation_stacks', [stack('quiet', []), stack('child', [], 'arn:parent'), stack('unknown', null), stack('loud', ['arn:aws:sns:us-east-1:111111111111:ops'])]);
    expect((await checkFindings(db, check)).map((r) => [r.stack, r.reason])).toEqual([
      ['child', 'Stack child sends its events to no SNS topic'],
      ['quiet', 'Stack quiet sends its events to no SNS topic'],
      ['unknown', 'The notification topics of stack unknown were not reported: it cannot be shown to notify anyone (sync again)'],
    ]);
  });

  it('passes a stack with a notification topic', async () => {
    await seed(db, 'aws_cloudformation_stacks', [stack('loud', ['arn:aws:sns:us-east-1:111111111111:ops'])]);
    expect(await checkFindings(db, check)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, check)).toEqual([]);
  });
});
