import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const synced = new Date('2026-06-01T00:00:00Z');
const instance = (id: string, state: string, stopped: string | null, extra: Row = {}): Row => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:instance/${id}`, instance_id: id, state, synced_at: synced,
  stopped_at: stopped ? new Date(stopped) : null, ...extra,
});
const check = async () => (await checkFindings(db, 'ec2_instance_not_stopped_over_30_days')).map((r) => [r.instance_id, r.reason]);

describe('ec2_instance_not_stopped_over_30_days (EC2.4)', () => {
  it('fails an instance stopped more than 30 days before the sync, and a stopped one whose stop time is unknown', async () => {
    await seed(db, 'aws_ec2_instances', [
      instance('i-old', 'stopped', '2026-04-01T10:00:00Z'),
      instance('i-unknown', 'stopped', null, { state_transition_reason: 'Server.ScheduledStop' }),
      instance('i-blank', 'stopping', null, { state_transition_reason: '' }),
      instance('i-recent', 'stopped', '2026-05-15T00:00:00Z'),
      instance('i-edge', 'stopped', '2026-05-02T00:00:00Z'),
    ]);
    expect(await check()).toEqual([
      ['i-blank', 'EC2 instance i-blank is stopping and when it stopped is unknown (StateTransitionReason: none)'],
      ['i-old', 'EC2 instance i-old has been stopped since 2026-04-01, 61 days before the sync'],
      ['i-unknown', 'EC2 instance i-unknown is stopped and when it stopped is unknown (StateTransitionReason: Server.ScheduledStop)'],
    ]);
  });
  it('passes running instances and instances stopped for 30 days or less', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-run', 'running', null), instance('i-30', 'stopped', '2026-05-02T00:00:00Z'), instance('i-gone', 'terminated', null)]);
    expect(await check()).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
