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

const check = async () => (await checkFindings(db, 'ec2_sg_no_rdp_open_to_internet')).map((r) => [r.group_id, r.reason]);

describe('ec2_sg_no_rdp_open_to_internet', () => {
  it('fails RDP open to the IPv4 or IPv6 internet, a TCP range covering 3389, all traffic, and a world prefix list', async () => {
    await seed(db, 'aws_ec2_security_groups', ['sg-v4', 'sg-v6', 'sg-range', 'sg-all', 'sg-pl'].map(group));
    await seed(db, 'aws_ec2_managed_prefix_lists', [prefixList('pl-world', 'IPv6', ['::/0'])]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-v4', 'tcp', 3389, 3389, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-v6', '6', 3389, 3389, { cidr_ipv6: '::/0' }),
      rule('sg-range', 'tcp', 3000, 4000, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-all', '-1', -1, -1, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-pl', 'tcp', 3389, 3389, { prefix_list_id: 'pl-world' }),
    ]);
    expect(await check()).toEqual([
      ['sg-all', 'Security group allows the whole internet to reach RDP (TCP 3389): 0.0.0.0/0 all traffic'],
      ['sg-pl', 'Security group allows the whole internet to reach RDP (TCP 3389): prefix list pl-world tcp 3389-3389'],
      ['sg-range', 'Security group allows the whole internet to reach RDP (TCP 3389): 0.0.0.0/0 tcp 3000-4000'],
      ['sg-v4', 'Security group allows the whole internet to reach RDP (TCP 3389): 0.0.0.0/0 tcp 3389-3389'],
      ['sg-v6', 'Security group allows the whole internet to reach RDP (TCP 3389): ::/0 6 3389-3389'],
    ]);
  });

  it('fails a prefix list whose entries are unknown rather than passing it', async () => {
    await seed(db, 'aws_ec2_security_groups', [group('sg-unknown')]);
    await seed(db, 'aws_ec2_managed_prefix_lists', [prefixList('pl-unread', 'IPv4', undefined)]);
    await seed(db, 'aws_ec2_security_group_rules', [rule('sg-unknown', 'tcp', 3389, 3389, { prefix_list_id: 'pl-unread' })]);
    expect(await check()).toEqual([['sg-unknown', 'Security group allows the whole internet to reach RDP (TCP 3389): prefix list pl-unread tcp 3389-3389 (entries unknown)']]);
  });

  it('passes RDP from a known network, SSH open to the world, UDP 3389, a private prefix list and outbound rules', async () => {
    await seed(db, 'aws_ec2_security_groups', [group('sg-ok')]);
    await seed(db, 'aws_ec2_managed_prefix_lists', [prefixList('pl-office', 'IPv4', ['203.0.113.0/24'])]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-ok', 'tcp', 3389, 3389, { cidr_ipv4: '203.0.113.0/24' }),
      rule('sg-ok', 'tcp', 22, 22, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-ok', 'udp', 3389, 3389, { cidr_ipv4: '0.0.0.0/0' }),
      rule('sg-ok', 'tcp', 3389, 3389, { prefix_list_id: 'pl-office' }),
      rule('sg-ok', '-1', -1, -1, { cidr_ipv4: '0.0.0.0/0' }, true),
    ]);
    expect(await check()).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await check()).toEqual([]);
  });
});
