import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const instance = (id: string, network_interface_ids: string[] | null, state = 'running') => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:instance/${id}`, instance_id: id, state, network_interface_ids,
});
const check = async () => (await checkFindings(db, 'ec2_instance_single_eni')).map((r) => [r.instance_id, r.reason]);

describe('ec2_instance_single_eni', () => {
  it('fails an instance with two interfaces attached, and one whose interface list is unknown', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-dual', ['eni-2', 'eni-1']), instance('i-unknown', null, 'stopped')]);
    expect(await check()).toEqual([
      ['i-dual', 'Instance i-dual has 2 network interfaces attached: eni-1, eni-2'],
      ['i-unknown', 'Instance i-unknown has no network interface list in the inventory: sync again'],
    ]);
  });

  it('passes an instance with one interface and leaves terminated instances out', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-one', ['eni-1']), instance('i-gone', ['eni-3', 'eni-4'], 'terminated')]);
    expect(await check()).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
