import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const vol = (id: string, encrypted: boolean | null, attached: string[] = []) => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:volume/${id}`, volume_id: id, encrypted, attached_instance_ids: attached, state: attached.length ? 'in-use' : 'available',
});

describe('ec2_ebs_volume_encrypted', () => {
  it('fails unencrypted volumes whether attached or not, and an unknown state (fail closed)', async () => {
    await seed(db, 'aws_ec2_volumes', [vol('vol-a', false, ['i-1']), vol('vol-b', false), vol('vol-c', null), vol('vol-d', true, ['i-1'])]);
    const rows = await checkFindings(db, 'ec2_ebs_volume_encrypted');
    expect(rows.map((r) => [r.volume_id, r.reason])).toEqual([
      ['vol-a', 'Volume vol-a (attached to i-1) is not encrypted'],
      ['vol-b', 'Volume vol-b (not attached) is not encrypted'],
      ['vol-c', 'Whether volume vol-c is encrypted is unknown: sync again'],
    ]);
  });

  it('passes encrypted volumes, attached or not', async () => {
    await seed(db, 'aws_ec2_volumes', [vol('vol-d', true, ['i-1']), vol('vol-e', true)]);
    expect(await checkFindings(db, 'ec2_ebs_volume_encrypted')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_ebs_volume_encrypted')).toEqual([]);
  });
});
