import type { NetworkAclEntry } from '@aws-sdk/client-ec2';
import { ADMIN_PORTS, adminPortsReached, type PortProtocol } from './admin-ports.js';
import { fullRange, parseCidr, RangeSet, type Family } from './cidr.js';

/**
 * Which administration ports a network ACL admits from the whole internet, the way AWS evaluates it: inbound
 * entries in ascending rule number, the first entry matching a packet decides. For each administration port,
 * protocol (TCP, UDP) and address family the entries are walked in order, keeping the set of source addresses
 * already decided; each allow entry admits only the part of its block nothing earlier decided. The traffic is
 * exposed when
 *
 * - an allow entry for the whole world (0.0.0.0/0 or ::/0) still admits some address: a lower-numbered deny
 *   of the same traffic from the whole world leaves it nothing, a partial deny (10.0.0.0/8) only removes
 *   what it covers; or
 * - the allow entries together admit every address (0.0.0.0/1 and 128.0.0.0/1).
 *
 * Entries of other protocols (ICMP…) and outbound entries play no part. One line per exposed port, protocol
 * and family, naming the admitting entries: "tcp/22 from 0.0.0.0/0 (rule 100)". A malformed block throws.
 */
export function naclAdminExposure(entries: readonly NetworkAclEntry[]): string[] {
  const inbound = entries.filter((e) => !e.Egress).sort((a, b) => (a.RuleNumber ?? 0) - (b.RuleNumber ?? 0));
  const out: string[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    for (const protocol of ['tcp', 'udp'] as const) {
      for (const port of ADMIN_PORTS) {
        const rules = admittingRules(inbound, family, protocol, port);
        if (rules.length) out.push(`${protocol}/${port} from ${family === 'ipv4' ? '0.0.0.0/0' : '::/0'} (rule ${rules.join(', ')})`);
      }
    }
  }
  return out;
}

/** Rule numbers of the allow entries that admit this traffic, when it is admitted from the world; else []. */
function admittingRules(inbound: readonly NetworkAclEntry[], family: Family, protocol: PortProtocol, port: number): number[] {
  const world = fullRange(family);
  const decided = new RangeSet();
  const admitted = new RangeSet();
  const rules: number[] = [];
  let worldAllowReached = false;
  for (const e of inbound) {
    const cidr = family === 'ipv4' ? e.CidrBlock : e.Ipv6CidrBlock;
    if (!cidr || !adminPortsReached(e.Protocol, e.PortRange?.From, e.PortRange?.To).includes(`${protocol}/${port}`)) continue;
    const range = parseCidr(cidr, family);
    const undecided = decided.outside(range);
    if (e.RuleAction?.toLowerCase() === 'allow' && undecided.length > 0) {
      for (const part of undecided) admitted.add(part);
      rules.push(e.RuleNumber ?? 0);
      if (range[0] === world[0] && range[1] === world[1]) worldAllowReached = true;
    }
    decided.add(range);
  }
  return worldAllowReached || admitted.covers(world) ? rules : [];
}
