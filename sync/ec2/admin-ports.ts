/**
 * Remote administration traffic as CIS names it (5.x "remote server administration ports"): SSH on 22 and RDP
 * on 3389, over TCP or UDP (RDP uses UDP 3389 for its transport too), or "all traffic". The CIS editions this
 * project maps (1.4, 1.5, 3.0) name these two ports; CIFS (445), which later editions add, can join the list
 * here and every stored column follows at the next sync.
 */
export const ADMIN_PORTS = [22, 3389] as const;
export type PortProtocol = 'tcp' | 'udp';

/**
 * The protocol of a security-group rule or network ACL entry as 'all', 'tcp', 'udp' or 'other'. AWS writes
 * security-group protocols as names ("tcp", "udp", "icmp", "-1") or numbers, and network ACL protocols as
 * numbers ("6", "17", "-1"); both spellings, in any case, mean the same here. An absent protocol is read as
 * all traffic: unknown must not pass.
 */
export function protocolKind(protocol: string | null | undefined): 'all' | PortProtocol | 'other' {
  const p = (protocol ?? '-1').trim().toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (p === '6' || p === 'tcp') return 'tcp';
  if (p === '17' || p === 'udp') return 'udp';
  return 'other';
}

/**
 * Which administration ports (as "tcp/22", "udp/3389", …) a rule or entry reaches. A missing port bound, or
 * -1 (how AWS writes "all ports" for protocol -1), stands for the whole range.
 */
export function adminPortsReached(protocol: string | null | undefined, fromPort: number | null | undefined, toPort: number | null | undefined): string[] {
  const kind = protocolKind(protocol);
  if (kind === 'other') return [];
  const protocols: PortProtocol[] = kind === 'all' ? ['tcp', 'udp'] : [kind];
  const allPorts = kind === 'all' || fromPort === null || fromPort === undefined || toPort === null || toPort === undefined || fromPort === -1 || toPort === -1;
  const out: string[] = [];
  for (const proto of protocols) {
    for (const port of ADMIN_PORTS) if (allPorts || (fromPort! <= port && port <= toPort!)) out.push(`${proto}/${port}`);
  }
  return out;
}
