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
const aclArn = (id: string) => `arn:aws:ec2:us-east-1:${acct}:network-acl/${id}`;
const acl = (network_acl_id: string, is_default = false) => ({ arn: aclArn(network_acl_id), network_acl_id, vpc_id: 'vpc-1', is_default });
const entry = (network_acl_id: string, rule_number: number, e: { protocol: string; rule_action?: string; egress?: boolean; cidr_block?: string; ipv6_cidr_block?: string; port_from?: number; port_to?: number }) => ({
  entry_id: `${network_acl_id}:${e.egress ? 'egress' : 'ingress'}:${rule_number}`,
  network_acl_id,
  network_acl_arn: aclArn(network_acl_id),
  vpc_id: 'vpc-1',
  rule_number,
  egress: false,
  rule_action: 'allow',
  ...e,
});
const check = async () => (await runCheck(db, 'ec2_nacl_no_admin_ports_open')).map((r) => [r.network_acl_id, r.reason]);

describe('ec2_nacl_no_admin_ports_open', () => {
  it('fails ACLs allowing all traffic, SSH, RDP or a covering range from 0.0.0.0/0 or ::/0', async () => {
    await seed(db, 'aws_ec2_network_acls', [acl('acl-default', true), acl('acl-ssh'), acl('acl-range'), acl('acl-v6')]);
    await seed(db, 'aws_ec2_network_acl_entries', [
      entry('acl-default', 100, { protocol: '-1', cidr_block: '0.0.0.0/0' }),
      entry('acl-default', 32767, { protocol: '-1', cidr_block: '0.0.0.0/0', rule_action: 'deny' }),
      entry('acl-ssh', 100, { protocol: '6', cidr_block: '0.0.0.0/0', port_from: 22, port_to: 22 }),
      entry('acl-range', 100, { protocol: '6', cidr_block: '0.0.0.0/0', port_from: 1024, port_to: 4000 }),
      entry('acl-v6', 101, { protocol: '6', ipv6_cidr_block: '::/0', port_from: 3389, port_to: 3389 }),
    ]);
    expect(await check()).toEqual([
      ['acl-default', 'Network ACL allows inbound traffic from anywhere to port 22 or 3389: rule 100 0.0.0.0/0 all traffic'],
      ['acl-range', 'Network ACL allows inbound traffic from anywhere to port 22 or 3389: rule 100 0.0.0.0/0 tcp 1024-4000'],
      ['acl-ssh', 'Network ACL allows inbound traffic from anywhere to port 22 or 3389: rule 100 0.0.0.0/0 tcp 22-22'],
      ['acl-v6', 'Network ACL allows inbound traffic from anywhere to port 22 or 3389: rule 101 ::/0 tcp 3389-3389'],
    ]);
  });

  it('passes port 80 from anywhere, admin ports from a private range, deny entries, UDP and outbound entries', async () => {
    await seed(db, 'aws_ec2_network_acls', [acl('acl-web')]);
    await seed(db, 'aws_ec2_network_acl_entries', [
      entry('acl-web', 100, { protocol: '6', cidr_block: '0.0.0.0/0', port_from: 80, port_to: 80 }),
      entry('acl-web', 110, { protocol: '6', cidr_block: '10.0.0.0/8', port_from: 22, port_to: 22 }),
      entry('acl-web', 120, { protocol: '6', cidr_block: '0.0.0.0/0', port_from: 22, port_to: 22, rule_action: 'deny' }),
      entry('acl-web', 130, { protocol: '17', cidr_block: '0.0.0.0/0', port_from: 53, port_to: 53 }),
      entry('acl-web', 100, { protocol: '-1', cidr_block: '0.0.0.0/0', egress: true }),
    ]);
    expect(await check()).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await runCheck(db, 'ec2_nacl_no_admin_ports_open')).toEqual([]);
  });
});
