import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const acl = (id: string, subnet_ids: string[] | null, is_default: boolean | null = false) => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:network-acl/${id}`, network_acl_id: id, vpc_id: 'vpc-1', subnet_ids, is_default,
});
const check = async () => (await checkFindings(db, 'ec2_nacl_unused')).map((r) => [r.network_acl_id, r.reason]);

describe('ec2_nacl_unused', () => {
  it('fails a custom ACL associated with no subnet, one whose default flag is unknown, and one whose associations are unknown', async () => {
    await seed(db, 'aws_ec2_network_acls', [acl('acl-idle', []), acl('acl-flag', [], null), acl('acl-unread', null)]);
    expect(await check()).toEqual([
      ['acl-flag', 'Network ACL acl-flag of vpc-1 is associated with no subnet'],
      ['acl-idle', 'Network ACL acl-idle of vpc-1 is associated with no subnet'],
      ['acl-unread', 'Network ACL acl-unread has no subnet associations in the inventory: sync again'],
    ]);
  });

  it('passes an ACL associated with a subnet and leaves an unused default ACL out', async () => {
    await seed(db, 'aws_ec2_network_acls', [acl('acl-used', ['subnet-1']), acl('acl-default', [], true)]);
    expect(await check()).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
