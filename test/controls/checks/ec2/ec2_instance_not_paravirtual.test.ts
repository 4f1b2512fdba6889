import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const instance = (id: string, virtualization_type: string | null, state = 'running') => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:instance/${id}`, instance_id: id, instance_type: 'm1.small', state, virtualization_type,
});
const check = async () => (await checkFindings(db, 'ec2_instance_not_paravirtual')).map((r) => [r.instance_id, r.reason]);

describe('ec2_instance_not_paravirtual', () => {
  it('fails a running or stopped paravirtual instance, and one whose virtualization type is unknown', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-pv', 'paravirtual'), instance('i-pv-stopped', 'paravirtual', 'stopped'), instance('i-unknown', null)]);
    expect(await check()).toEqual([
      ['i-pv', 'Instance i-pv (m1.small) uses paravirtual virtualization'],
      ['i-pv-stopped', 'Instance i-pv-stopped (m1.small) uses paravirtual virtualization'],
      ['i-unknown', 'Instance i-unknown has no virtualization type in the inventory: sync again'],
    ]);
  });

  it('passes HVM instances and leaves terminated paravirtual ones out', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-hvm', 'hvm'), instance('i-gone', 'paravirtual', 'terminated'), instance('i-going', 'paravirtual', 'shutting-down')]);
    expect(await check()).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
