import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const acct = '111111111111';
let n = 0;
const rule = (group_id: string, ip_protocol: string, from_port: number, to_port: number, source: { cidr_ipv4?: string; cidr_ipv6?: string; prefix_list_id?: string }, is_egress = false) => ({
  arn: `arn:aws:ec2:us-east-1:${acct}:security-group-rule/sgr-${++n}`,
  security_group_rule_id: `sgr-${n}`,
  group_id,
  is_egress,
  ip_protocol,
  from_port,
  to_port,
  ...source,
});
const group = (group_id: string) => ({ arn: `arn:aws:ec2:us-east-1:${acct}:security-group/${group_id}`, group_id, group_name: group_id, vpc_id: 'vpc-1' });
const check = async () => (await checkFindings(db, 'ec2_sg_no_cifs_port_open')).map((r) => [r.resource_id, r.reason]);

describe('ec2_sg_no_cifs_port_open', () => {
  it('fails groups open to the internet on 445 over TCP, UDP (also as numbers), a covering range, all traffic or IPv6', async () => {
    await seed(db, 'aws_ec2_security_groups', ['sg-tcp', 'sg-udp', 'sg-range', 'sg-all', 'sg-v6'].map(group));
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-tcp', 'tcp', 445, 445, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-udp', '17', 445, 445, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-range', 'tcp', 1, 1024, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-all', '-1', -1, -1, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-v6', 'tcp', 445, 445, { cidr_ipv6: '::/0' }),
    ]);
    expect(await check()).toEqual([
      [group('sg-all').arn, 'Security group allows the internet to reach CIFS/SMB port 445: 0.0.0.0/0 -1 all ports'],
      [group('sg-range').arn, 'Security group allows the internet to reach CIFS/SMB port 445: 0.0.0.0/0 tcp 1-1024'],
      [group('sg-tcp').arn, 'Security group allows the internet to reach CIFS/SMB port 445: 0.0.0.0/0 tcp 445-445'],
      [group('sg-udp').arn, 'Security group allows the internet to reach CIFS/SMB port 445: 0.0.0.0/0 17 445-445'],
      [group('sg-v6').arn, 'Security group allows the internet to reach CIFS/SMB port 445: ::/0 tcp 445-445'],
    ]);
  });

  it('passes 445 from a private range or a prefix list, other ports from anywhere, egress and ICMP rules', async () => {
    await seed(db, 'aws_ec2_security_groups', [group('sg-ok')]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-ok', 'tcp', 445, 445, { cidr_ipv4: '10.0.0.0/8' }),
      rule('sg-ok', 'tcp', 445, 445, { prefix_list_id: 'pl-1234' }),
      rule('sg-ok', 'tcp', 443, 443, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-ok', '-1', -1, -1, { cidr_ipv4: '0.0.0.0/0' }, true),
      rule('sg-ok', 'icmp', -1, -1, { cidr_ipv4: '0.0.0.0/0' }),
    ]);
    expect(await check()).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
