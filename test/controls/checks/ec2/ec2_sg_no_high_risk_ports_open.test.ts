import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { group, prefixList, rule } from './sg-fixtures.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const check = async () => (await checkFindings(db, 'ec2_sg_no_high_risk_ports_open')).map((r) => [r.group_id, r.ports, r.reason]);

describe('ec2_sg_no_high_risk_ports_open', () => {
  it('fails each high-risk TCP port open to the world, ranges and all traffic included, naming the ports reached', async () => {
    await seed(db, 'aws_ec2_security_groups', ['sg-db', 'sg-range', 'sg-all', 'sg-v6', 'sg-pl'].map(group));
    await seed(db, 'aws_ec2_managed_prefix_lists', [prefixList('pl-world', 'IPv4', ['0.0.0.0/0'])]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-db', 'tcp', 5432, 5432, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-db', 'tcp', 3306, 3306, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-range', '6', 8000, 9000, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-all', '-1', -1, -1, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-v6', 'tcp', 9200, 9300, { cidr_ipv6: '::/0' }),
      rule('sg-pl', 'tcp', 23, 23, { prefix_list_id: 'pl-world' }),
    ]);
    const rows = await check();
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['sg-all', [20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300]],
      ['sg-db', [3306, 5432]],
      ['sg-pl', [23]],
      ['sg-range', [8080, 8088, 8888]],
      ['sg-v6', [9200, 9300]],
    ]);
    expect(rows.find((r) => r[0] === 'sg-db')![2]).toBe('Security group allows the whole internet to reach high-risk TCP ports 3306, 5432: 0.0.0.0/0 tcp 3306-3306, 0.0.0.0/0 tcp 5432-5432');
  });

  it('passes web ports open to the world, high-risk ports from a known network, UDP rules, ICMP and outbound rules', async () => {
    await seed(db, 'aws_ec2_security_groups', [group('sg-web')]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-web', 'tcp', 80, 80, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-web', 'tcp', 443, 443, { cidr_ipv6: '::/0' }),
      rule('sg-web', 'tcp', 5432, 5432, { cidr_ipv4: '10.0.0.0/8' }),
      rule('sg-web', 'udp', 1434, 1434, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-web', 'icmp', -1, -1, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-web', '-1', -1, -1, { cidr_ipv4: '0.0.0.0/0' }, true),
    ]);
    expect(await check()).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
