import type { NetworkAclEntry } from '@aws-sdk/client-ec2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { naclAdminExposure } from '../../../../sync/ec2/nacl-exposure.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const acct = '111111111111';
const aclArn = (id: string) => `arn:aws:ec2:us-east-1:${acct}:network-acl/${id}`;
type E = { protocol: string; rule_action?: 'allow' | 'deny'; egress?: boolean; cidr?: string; ports?: [number, number] };
const entry = (RuleNumber: number, e: E): NetworkAclEntry => ({
  RuleNumber,
  Protocol: e.protocol,
  RuleAction: e.rule_action ?? 'allow',
  Egress: e.egress ?? false,
  ...((e.cidr ?? '0.0.0.0/0').includes(':') ? { Ipv6CidrBlock: e.cidr } : { CidrBlock: e.cidr ?? '0.0.0.0/0' }),
  ...(e.ports ? { PortRange: { From: e.ports[0], To: e.ports[1] } } : {}),
});
const finalDeny = [entry(32767, { protocol: '-1', rule_action: 'deny' }), entry(32768, { protocol: '-1', rule_action: 'deny', cidr: '::/0' })];
// The exposure column is derived by the sync's own code from the entries, as a real sync stores it.
const acl = (network_acl_id: string, entries: NetworkAclEntry[], is_default = false) => ({
  arn: aclArn(network_acl_id),
  network_acl_id,
  vpc_id: 'vpc-1',
  is_default,
  entries: [...entries, ...finalDeny],
  ingress_admin_exposure: naclAdminExposure([...entries, ...finalDeny]),
});
const check = async () => (await checkFindings(db, 'ec2_nacl_no_admin_ports_open')).map((r) => [r.network_acl_id, r.reason]);
const prefix = 'Network ACL allows inbound traffic from anywhere to port 22 or 3389: ';

describe('ec2_nacl_no_admin_ports_open', () => {
  it('fails ACLs allowing all traffic, SSH, RDP or a covering range from 0.0.0.0/0 or ::/0', async () => {
    await seed(db, 'aws_ec2_network_acls', [
      acl('acl-default', [entry(100, { protocol: '-1' })], true),
      acl('acl-ssh', [entry(100, { protocol: '6', ports: [22, 22] })]),
      acl('acl-range', [entry(100, { protocol: '6', ports: [1024, 4000] })]),
      acl('acl-v6', [entry(101, { protocol: '6', cidr: '::/0', ports: [3389, 3389] })]),
    ]);
    expect(await check()).toEqual([
      ['acl-default', `${prefix}tcp/22 from 0.0.0.0/0 (rule 100), tcp/3389 from 0.0.0.0/0 (rule 100), udp/22 from 0.0.0.0/0 (rule 100), udp/3389 from 0.0.0.0/0 (rule 100)`],
      ['acl-range', `${prefix}tcp/3389 from 0.0.0.0/0 (rule 100)`],
      ['acl-ssh', `${prefix}tcp/22 from 0.0.0.0/0 (rule 100)`],
      ['acl-v6', `${prefix}tcp/3389 from ::/0 (rule 101)`],
    ]);
  });

  it('fails an ACL allowing UDP (protocol 17) to 3389 from anywhere', async () => {
    await seed(db, 'aws_ec2_network_acls', [acl('acl-udp', [entry(100, { protocol: '17', ports: [3389, 3389] })])]);
    expect(await check()).toEqual([['acl-udp', `${prefix}udp/3389 from 0.0.0.0/0 (rule 100)`]]);
  });

  it('fails an allow that a lower-numbered partial deny does not fully shadow', async () => {
    await seed(db, 'aws_ec2_network_acls', [
      acl('acl-partial', [entry(90, { protocol: '6', rule_action: 'deny', cidr: '203.0.113.0/24', ports: [22, 22] }), entry(100, { protocol: '6', ports: [22, 22] })]),
    ]);
    expect(await check()).toEqual([['acl-partial', `${prefix}tcp/22 from 0.0.0.0/0 (rule 100)`]]);
  });

  it('passes an allow behind a lower-numbered deny of the same traffic from everywhere', async () => {
    await seed(db, 'aws_ec2_network_acls', [
      acl('acl-shadowed', [
        entry(80, { protocol: '6', rule_action: 'deny', ports: [22, 22] }),
        entry(81, { protocol: '6', rule_action: 'deny', ports: [3389, 3389] }),
        entry(82, { protocol: '17', rule_action: 'deny', ports: [0, 65535] }),
        entry(100, { protocol: '-1' }),
      ]),
    ]);
    expect(await check()).toEqual([]);
  });

  it('passes port 80 from anywhere, admin ports from a private range, a later deny-only entry, ICMP, DNS over UDP and outbound entries', async () => {
    await seed(db, 'aws_ec2_network_acls', [
      acl('acl-web', [
        entry(100, { protocol: '6', ports: [80, 80] }),
        entry(110, { protocol: '6', cidr: '10.0.0.0/8', ports: [22, 22] }),
        entry(120, { protocol: '6', rule_action: 'deny', ports: [22, 22] }),
        entry(130, { protocol: '17', ports: [53, 53] }),
        entry(140, { protocol: '1' }),
        entry(100, { protocol: '-1', egress: true }),
      ]),
    ]);
    expect(await check()).toEqual([]);
  });

  it('fails an ACL whose exposure could not be derived, rather than passing it', async () => {
    await seed(db, 'aws_ec2_network_acls', [{ arn: aclArn('acl-unknown'), network_acl_id: 'acl-unknown', vpc_id: 'vpc-1', ingress_admin_exposure: null }]);
    expect(await check()).toEqual([['acl-unknown', 'Network ACL entries could not be evaluated, so its exposure cannot be shown: sync again']]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_nacl_no_admin_ports_open')).toEqual([]);
  });
});
