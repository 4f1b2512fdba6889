import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

let n = 0;
const rule = (group: string, r: Record<string, unknown>) => {
  n += 1;
  return { arn: `arn:aws:ec2:us-east-1:111111111111:security-group-rule/sgr-${n}`, security_group_rule_id: `sgr-${n}`, group_id: group, is_egress: false, ...r };
};
const group = (id: string) => ({ arn: `arn:aws:ec2:us-east-1:111111111111:security-group/${id}`, group_id: id, group_name: id, vpc_id: 'vpc-1' });

describe('ec2_sg_no_ssh_open_to_internet', () => {
  it('fails SSH open to the IPv4 or IPv6 internet, a range covering 22, all traffic, and a world prefix list', async () => {
    await seed(db, 'aws_ec2_security_groups', ['sg-v4', 'sg-v6', 'sg-range', 'sg-all', 'sg-pl'].map(group));
    await seed(db, 'aws_ec2_managed_prefix_lists', [{ arn: 'arn:aws:ec2:us-east-1:111111111111:prefix-list/pl-world', prefix_list_id: 'pl-world', address_family: 'IPv4', contains_world: true }]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-v4', { ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-v6', { ip_protocol: '6', from_port: 22, to_port: 22, cidr_ipv6: '::/0' }),
      rule('sg-range', { ip_protocol: 'tcp', from_port: 0, to_port: 1024, cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-all', { ip_protocol: '-1', from_port: -1, to_port: -1, cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-pl', { ip_protocol: 'tcp', from_port: 22, to_port: 22, prefix_list_id: 'pl-world' }),
    ]);
    const rows = await checkFindings(db, 'ec2_sg_no_ssh_open_to_internet');
    expect(rows.map((r) => r.group_id)).toEqual(['sg-all', 'sg-pl', 'sg-range', 'sg-v4', 'sg-v6']);
    expect(rows.find((r) => r.group_id === 'sg-v6')!.reason).toBe('Security group allows the whole internet to reach SSH (TCP 22): ::/0 6 22-22');
  });

  it('passes SSH from a known network, other ports open to the world, UDP 22, and outbound rules', async () => {
    await seed(db, 'aws_ec2_security_groups', [group('sg-ok')]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-ok', { ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '203.0.113.0/24' }),
      rule('sg-ok', { ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-ok', { ip_protocol: 'udp', from_port: 22, to_port: 22, cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-ok', { ip_protocol: '-1', from_port: -1, to_port: -1, cidr_ipv4: '0.0.0.0/0', is_egress: true }),
    ]);
    expect(await checkFindings(db, 'ec2_sg_no_ssh_open_to_internet')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_sg_no_ssh_open_to_internet')).toEqual([]);
  });
});
