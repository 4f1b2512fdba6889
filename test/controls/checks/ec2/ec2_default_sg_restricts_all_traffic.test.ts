import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const allOut = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
const selfIn = [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-a' }] }];
const group = (group_id: string, vpc_id: string, is_default: boolean, ip_permissions: unknown[], ip_permissions_egress: unknown[]) => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:security-group/${group_id}`,
  group_id,
  group_name: is_default ? 'default' : group_id,
  vpc_id,
  is_default,
  ip_permissions,
  ip_permissions_egress,
});

describe('ec2_default_sg_restricts_all_traffic', () => {
  it('fails default groups with inbound or outbound rules (as AWS creates them)', async () => {
    await seed(db, 'aws_ec2_security_groups', [group('sg-a', 'vpc-a', true, selfIn, allOut), group('sg-b', 'vpc-b', true, [], allOut)]);
    const rows = await checkFindings(db, 'ec2_default_sg_restricts_all_traffic');
    expect(rows.map((r) => [r.group_id, r.reason])).toEqual([
      ['sg-a', 'Default security group of vpc-a has 1 inbound and 1 outbound rule(s)'],
      ['sg-b', 'Default security group of vpc-b has 0 inbound and 1 outbound rule(s)'],
    ]);
  });

  it('passes an empty default group and ignores rules of other groups', async () => {
    await seed(db, 'aws_ec2_security_groups', [group('sg-c', 'vpc-c', true, [], []), group('sg-web', 'vpc-c', false, selfIn, allOut)]);
    expect(await checkFindings(db, 'ec2_default_sg_restricts_all_traffic')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_default_sg_restricts_all_traffic')).toEqual([]);
  });
});
