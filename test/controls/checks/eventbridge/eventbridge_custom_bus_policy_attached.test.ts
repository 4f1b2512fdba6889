import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const bus = (name: string, hasPolicy: boolean | null) => ({ arn: `arn:aws:events:us-east-1:111111111111:event-bus/${name}`, name, has_policy: hasPolicy });
const check = 'eventbridge_custom_bus_policy_attached';

describe(check, () => {
  it('fails a custom bus without a policy and one whose policy could not be read, but not the default bus', async () => {
    await seed(db, 'aws_eventbridge_event_buses', [bus('default', false), bus('orders', false), bus('unread', null), bus('shared', true)]);
    expect((await checkFindings(db, check)).map((r) => [r.event_bus, r.reason])).toEqual([
      ['orders', 'Custom event bus orders has no resource-based policy'],
      ['unread', 'The resource-based policy of event bus unread could not be read: it cannot be shown to have one (sync again)'],
    ]);
  });

  it('passes a custom bus with a policy', async () => {
    await seed(db, 'aws_eventbridge_event_buses', [bus('shared', true)]);
    expect(await checkFindings(db, check)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, check)).toEqual([]);
  });
});
