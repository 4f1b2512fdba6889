import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { runCheck, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const acct = '111111111111';
let n = 0;
const rule = (group_id: string, ip_protocol: string, from_port: number, to_port: number, source: { cidr_ipv4?: string; cidr_ipv6?: string }, is_egress = false) => ({
  arn: `arn:aws:ec2:us-east-1:${acct}:security-group-rule/sgr-${++n}`,
  security_group_rule_id: `sgr-${n}`,
  group_id,
  is_egress,
  ip_protocol,
  from_port,
  to_port,
  ...source,
});
const group = (group_id: string) => ({ arn: `arn:aws:ec2:us-east-1:${acct}:security-group/${group_id}`, group_id, group_name: group_id });
const anywhere6 = { cidr_ipv6: '::/0' };
const check = async () => (await runCheck(db, 'ec2_sg_no_admin_ports_open_ipv6')).map((r) => [r.group_id, r.reason]);

describe('ec2_sg_no_admin_ports_open_ipv6', () => {
  it('fails groups open to ::/0 on 22, 3389, a covering range, or all traffic', async () => {
    await seed(db, 'aws_ec2_security_groups', ['sg-ssh', 'sg-rdp', 'sg-range', 'sg-all'].map(group));
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-ssh', 'tcp', 22, 22, anywhere6),
      rule('sg-rdp', '6', 3389, 3389, anywhere6),
      rule('sg-range', 'tcp', 1, 65535, anywhere6),
      rule('sg-all', '-1', -1, -1, anywhere6),
    ]);
    expect(await check()).toEqual([
      ['sg-all', 'Security group allows ::/0 to reach port 22 or 3389: -1 all ports'],
      ['sg-range', 'Security group allows ::/0 to reach port 22 or 3389: tcp 1-65535'],
      ['sg-rdp', 'Security group allows ::/0 to reach port 22 or 3389: 6 3389-3389'],
      ['sg-ssh', 'Security group allows ::/0 to reach port 22 or 3389: tcp 22-22'],
    ]);
  });

  it('passes port 80 from ::/0, admin ports from a narrower IPv6 range, outbound rules and IPv4-only rules', async () => {
    await seed(db, 'aws_ec2_security_groups', [group('sg-web')]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-web', 'tcp', 80, 80, anywhere6),
      rule('sg-web', 'tcp', 22, 22, { cidr_ipv6: '2001:db8::/32' }),
      rule('sg-web', '-1', -1, -1, anywhere6, true),
      rule('sg-web', 'tcp', 22, 22, { cidr_ipv4: '0.0.0.0/0' }),
    ]);
    expect(await check()).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await runCheck(db, 'ec2_sg_no_admin_ports_open_ipv6')).toEqual([]);
  });
});
