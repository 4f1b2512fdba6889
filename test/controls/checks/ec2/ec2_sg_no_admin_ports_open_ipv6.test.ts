import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';
import { acct, group, prefixList, rule } from './sg-fixtures.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const anywhere6 = { cidr_ipv6: '::/0' };
const check = async () => (await checkFindings(db, 'ec2_sg_no_admin_ports_open_ipv6')).map((r) => [r.group_id, r.reason]);

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
      ['sg-all', 'Security group allows ::/0 to reach port 22 or 3389: all traffic'],
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

  it('fails UDP and all-traffic rules spelled as names or numbers, and passes ICMP', async () => {
    await seed(db, 'aws_ec2_security_groups', ['sg-udp', 'sg-udp-num', 'sg-all-word', 'sg-icmp'].map(group));
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-udp', 'udp', 3389, 3389, anywhere6),
      rule('sg-udp-num', '17', 20, 30, anywhere6),
      rule('sg-all-word', 'all', -1, -1, anywhere6),
      rule('sg-icmp', 'icmp', -1, -1, anywhere6),
      rule('sg-icmp', '58', -1, -1, anywhere6),
    ]);
    expect(await check()).toEqual([
      ['sg-all-word', 'Security group allows ::/0 to reach port 22 or 3389: all traffic'],
      ['sg-udp', 'Security group allows ::/0 to reach port 22 or 3389: udp 3389-3389'],
      ['sg-udp-num', 'Security group allows ::/0 to reach port 22 or 3389: 17 20-30'],
    ]);
  });

  it('resolves a managed prefix list: open when it holds ::/0, closed when it does not, open when its entries are unknown', async () => {
    await seed(db, 'aws_ec2_security_groups', ['sg-pl-world', 'sg-pl-office', 'sg-pl-unread', 'sg-pl-missing', 'sg-pl-other-family'].map(group));
    await seed(db, 'aws_ec2_managed_prefix_lists', [
      prefixList('pl-world', 'IPv6', ['2001:db8::/32', '::/0']),
      prefixList('pl-office', 'IPv6', ['2001:db8::/32']),
      prefixList('pl-unread', 'IPv6', undefined),
      prefixList('pl-other', 'IPv4', ['0.0.0.0/0']),
    ]);
    await seed(db, 'aws_ec2_security_group_rules', [
      rule('sg-pl-world', 'tcp', 22, 22, { prefix_list_id: 'pl-world' }),
      rule('sg-pl-office', 'tcp', 22, 22, { prefix_list_id: 'pl-office' }),
      rule('sg-pl-unread', 'tcp', 3389, 3389, { prefix_list_id: 'pl-unread' }),
      rule('sg-pl-missing', 'tcp', 22, 22, { prefix_list_id: 'pl-nowhere' }),
      rule('sg-pl-other-family', 'tcp', 22, 22, { prefix_list_id: 'pl-other' }),
    ]);
    expect(await check()).toEqual([
      ['sg-pl-missing', 'Security group allows ::/0 to reach port 22 or 3389: tcp 22-22 from prefix list pl-nowhere whose entries are unknown'],
      ['sg-pl-unread', 'Security group allows ::/0 to reach port 22 or 3389: tcp 3389-3389 from prefix list pl-unread whose entries are unknown'],
      ['sg-pl-world', 'Security group allows ::/0 to reach port 22 or 3389: tcp 22-22 from prefix list pl-world'],
    ]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_sg_no_admin_ports_open_ipv6')).toEqual([]);
  });
});
