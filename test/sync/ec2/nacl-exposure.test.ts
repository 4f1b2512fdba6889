import type { NetworkAclEntry } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { adminPortsReached, protocolKind } from '../../../sync/ec2/admin-ports.js';
import { parseCidr, RangeSet } from '../../../sync/ec2/cidr.js';
import { naclAdminExposure } from '../../../sync/ec2/nacl-exposure.js';

const entry = (RuleNumber: number, RuleAction: 'allow' | 'deny', Protocol: string, cidr: string, ports?: [number, number], Egress = false): NetworkAclEntry => ({
  RuleNumber,
  RuleAction,
  Protocol,
  Egress,
  ...(cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }),
  ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
});
const finalDeny = [entry(32767, 'deny', '-1', '0.0.0.0/0'), entry(32768, 'deny', '-1', '::/0')];

describe('protocols and administration ports', () => {
  it('reads protocol names and numbers alike, and -1 / all as every protocol', () => {
    expect(['6', 'tcp', 'TCP', '17', 'udp', '-1', 'all', '1', 'icmp', '58', null].map(protocolKind)).toEqual(['tcp', 'tcp', 'tcp', 'udp', 'udp', 'all', 'all', 'other', 'other', 'other', 'all']);
  });

  it('lists the administration ports a protocol and port range reach', () => {
    expect(adminPortsReached('-1', -1, -1)).toEqual(['tcp/22', 'tcp/3389', 'udp/22', 'udp/3389']);
    expect(adminPortsReached('tcp', 0, 1024)).toEqual(['tcp/22']);
    expect(adminPortsReached('17', 3389, 3389)).toEqual(['udp/3389']);
    expect(adminPortsReached('6', 1000, 65535)).toEqual(['tcp/3389']);
    expect(adminPortsReached('tcp', 80, 443)).toEqual([]);
    expect(adminPortsReached('icmp', -1, -1)).toEqual([]);
    expect(adminPortsReached('udp', null, null)).toEqual(['udp/22', 'udp/3389']);
  });
});

describe('CIDR ranges', () => {
  it('parses IPv4 and IPv6 blocks, host bits cleared', () => {
    expect(parseCidr('10.1.2.3/8', 'ipv4')).toEqual([10n << 24n, (11n << 24n) - 1n]);
    expect(parseCidr('::/0', 'ipv6')).toEqual([0n, (1n << 128n) - 1n]);
    expect(parseCidr('2001:db8::/32', 'ipv6')[0]).toBe(0x20010db8n << 96n);
    expect(() => parseCidr('10.0.0/8', 'ipv4')).toThrow(/malformed/);
    expect(() => parseCidr('10.0.0.0/33', 'ipv4')).toThrow(/malformed/);
  });

  it('keeps a merged set and tells what part of a range lies outside it', () => {
    const set = new RangeSet();
    set.add(parseCidr('0.0.0.0/1', 'ipv4'));
    expect(set.covers(parseCidr('0.0.0.0/0', 'ipv4'))).toBe(false);
    expect(set.outside(parseCidr('0.0.0.0/0', 'ipv4'))).toEqual([parseCidr('128.0.0.0/1', 'ipv4')]);
    set.add(parseCidr('128.0.0.0/1', 'ipv4'));
    expect(set.covers(parseCidr('0.0.0.0/0', 'ipv4'))).toBe(true);
    expect(set.outside(parseCidr('10.0.0.0/8', 'ipv4'))).toEqual([]);
  });
});

describe('network ACL exposure of administration ports, in rule order', () => {
  it('exposes every admin port to a default ACL allowing all traffic', () => {
    expect(naclAdminExposure([entry(100, 'allow', '-1', '0.0.0.0/0'), entry(101, 'allow', '-1', '::/0'), ...finalDeny])).toEqual([
      'tcp/22 from 0.0.0.0/0 (rule 100)',
      'tcp/3389 from 0.0.0.0/0 (rule 100)',
      'udp/22 from 0.0.0.0/0 (rule 100)',
      'udp/3389 from 0.0.0.0/0 (rule 100)',
      'tcp/22 from ::/0 (rule 101)',
      'tcp/3389 from ::/0 (rule 101)',
      'udp/22 from ::/0 (rule 101)',
      'udp/3389 from ::/0 (rule 101)',
    ]);
  });

  it('counts UDP (protocol 17) as exposure and ICMP as none', () => {
    expect(naclAdminExposure([entry(100, 'allow', '17', '0.0.0.0/0', [3389, 3389]), entry(110, 'allow', '1', '0.0.0.0/0'), ...finalDeny])).toEqual(['udp/3389 from 0.0.0.0/0 (rule 100)']);
  });

  it('admits nothing behind a lower-numbered deny of the same traffic from everywhere', () => {
    expect(naclAdminExposure([entry(90, 'deny', '6', '0.0.0.0/0', [22, 22]), entry(100, 'allow', '6', '0.0.0.0/0', [0, 1024]), ...finalDeny])).toEqual([]);
    expect(naclAdminExposure([entry(90, 'deny', '-1', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0'), ...finalDeny])).toEqual([]);
  });

  it('lets a partial or later deny remove only what it covers', () => {
    expect(naclAdminExposure([entry(90, 'deny', '6', '10.0.0.0/8', [22, 22]), entry(100, 'allow', '6', '0.0.0.0/0', [22, 22]), ...finalDeny])).toEqual(['tcp/22 from 0.0.0.0/0 (rule 100)']);
    expect(naclAdminExposure([entry(100, 'allow', '6', '0.0.0.0/0', [22, 22]), entry(110, 'deny', '6', '0.0.0.0/0', [22, 22]), ...finalDeny])).toEqual(['tcp/22 from 0.0.0.0/0 (rule 100)']);
    // A deny of UDP does not shadow an allow of TCP.
    expect(naclAdminExposure([entry(90, 'deny', '17', '0.0.0.0/0', [22, 22]), entry(100, 'allow', '6', '0.0.0.0/0', [22, 22]), ...finalDeny])).toEqual(['tcp/22 from 0.0.0.0/0 (rule 100)']);
    // Two denies that together cover every address shadow the allow entirely.
    expect(naclAdminExposure([entry(80, 'deny', '6', '0.0.0.0/1', [22, 22]), entry(90, 'deny', '6', '128.0.0.0/1', [22, 22]), entry(100, 'allow', '6', '0.0.0.0/0', [22, 22]), ...finalDeny])).toEqual([]);
  });

  it('finds allows that together admit every address, and ignores private ranges and outbound entries', () => {
    expect(naclAdminExposure([entry(100, 'allow', '6', '0.0.0.0/1', [22, 22]), entry(110, 'allow', '6', '128.0.0.0/1', [22, 22]), ...finalDeny])).toEqual(['tcp/22 from 0.0.0.0/0 (rule 100, 110)']);
    expect(naclAdminExposure([entry(100, 'allow', '6', '10.0.0.0/8', [22, 22]), entry(110, 'allow', '-1', '0.0.0.0/0', undefined, true), entry(120, 'allow', '6', '0.0.0.0/0', [80, 443]), ...finalDeny])).toEqual([]);
  });
});
