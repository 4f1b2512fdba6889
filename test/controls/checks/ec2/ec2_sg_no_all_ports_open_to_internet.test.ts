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

describe('ec2_sg_no_all_ports_open_to_internet', () => {
  it('fails all traffic or a whole TCP/UDP port range from the IPv4 or IPv6 internet, or an unknown prefix list', async () => {
    await seed(db, 'aws_ec2_security_groups', ['sg-all', 'sg-tcp', 'sg-udp6', 'sg-pl'].map(group));
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-all', { ip_protocol: '-1', from_port: -1, to_port: -1, cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-tcp', { ip_protocol: 'tcp', from_port: 0, to_port: 65535, cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-udp6', { ip_protocol: 'udp', from_port: 1, to_port: 65535, cidr_ipv6: '::/0' }),
      rule('sg-pl', { ip_protocol: '-1', from_port: -1, to_port: -1, prefix_list_id: 'pl-missing' }),
    ]);
    const rows = await checkFindings(db, 'ec2_sg_no_all_ports_open_to_internet');
    expect(rows.map((r) => [r.group_id, r.reason])).toEqual([
      ['sg-all', 'Security group opens every port to the whole internet: 0.0.0.0/0 all traffic'],
      ['sg-pl', 'Security group opens every port to the whole internet: prefix list pl-missing all traffic (entries unknown)'],
      ['sg-tcp', 'Security group opens every port to the whole internet: 0.0.0.0/0 tcp 0-65535'],
      ['sg-udp6', 'Security group opens every port to the whole internet: ::/0 udp 1-65535'],
    ]);
  });

  it('passes a partial range from the internet, all traffic from a known network, and outbound rules', async () => {
    await seed(db, 'aws_ec2_security_groups', [group('sg-ok')]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-ok', { ip_protocol: 'tcp', from_port: 1024, to_port: 65535, cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-ok', { ip_protocol: '-1', from_port: -1, to_port: -1, cidr_ipv4: '10.0.0.0/8' }),
      rule('sg-ok', { ip_protocol: '-1', from_port: -1, to_port: -1, cidr_ipv4: '0.0.0.0/0', is_egress: true }),
    ]);
    expect(await checkFindings(db, 'ec2_sg_no_all_ports_open_to_internet')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_sg_no_all_ports_open_to_internet')).toEqual([]);
  });
});
