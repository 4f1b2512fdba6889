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

const check = async () => (await checkFindings(db, 'ec2_sg_open_only_to_authorized_ports')).map((r) => [r.group_id, r.reason]);

describe('ec2_sg_open_only_to_authorized_ports', () => {
  it('fails all traffic, UDP, a range spanning 80-443 and other TCP ports open to the world', async () => {
    await seed(db, 'aws_ec2_security_groups', ['sg-all', 'sg-udp', 'sg-span', 'sg-8443', 'sg-pl'].map(group));
    await seed(db, 'aws_ec2_managed_prefix_lists', [prefixList('pl-world', 'IPv6', ['::/0'])]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-all', '-1', -1, -1, { cidr_ipv6: '::/0' }),
      rule('sg-udp', '17', 443, 443, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-span', 'tcp', 80, 443, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-8443', 'tcp', 8443, 8443, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-pl', 'tcp', 22, 22, { prefix_list_id: 'pl-world' }),
    ]);
    expect(await check()).toEqual([
      ['sg-8443', 'Security group allows the whole internet to reach ports other than TCP 80 and 443: 0.0.0.0/0 tcp 8443-8443'],
      ['sg-all', 'Security group allows the whole internet to reach ports other than TCP 80 and 443: ::/0 all traffic'],
      ['sg-pl', 'Security group allows the whole internet to reach ports other than TCP 80 and 443: prefix list pl-world tcp 22-22'],
      ['sg-span', 'Security group allows the whole internet to reach ports other than TCP 80 and 443: 0.0.0.0/0 tcp 80-443'],
      ['sg-udp', 'Security group allows the whole internet to reach ports other than TCP 80 and 443: 0.0.0.0/0 17 443-443'],
    ]);
  });

  it('passes TCP 80 and 443 open to the world, any port from a known network, ICMP and outbound rules', async () => {
    await seed(db, 'aws_ec2_security_groups', [group('sg-web')]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-web', 'tcp', 80, 80, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-web', '6', 443, 443, { cidr_ipv6: '::/0' }),
      rule('sg-web', '-1', -1, -1, { cidr_ipv4: '10.0.0.0/8' }),
      rule('sg-web', 'icmp', 8, -1, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-web', '-1', -1, -1, { cidr_ipv4: '0.0.0.0/0' }, true),
    ]);
    expect(await check()).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
