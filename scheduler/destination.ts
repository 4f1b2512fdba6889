import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may go. Any API caller can create a channel, so without a rule the server would POST for them to
 * the cloud metadata service, its own API or anything else on the inside. Refused: every address that is not a
 * public unicast one, by IANA's special-purpose registries (RFC 6890 and its updates). The check runs on the
 * address actually connected to (the lookup of the connection itself), so a name that resolves to a public
 * address once and to 127.0.0.1 the next time (DNS rebinding) gains nothing, and odd spellings of an IP
 * (2130706433, 0x7f.1, ::ffff:7f00:1) are caught because the resolved address is what is checked.
 */
const special: Array<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'this-network'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.88.99.0', 24, 'ipv4', '6to4 relay'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['::', 96, 'ipv6', 'IPv4-compatible'],
  ['64:ff9b::', 96, 'ipv6', 'NAT64'],
  ['64:ff9b:1::', 48, 'ipv6', 'NAT64'],
  ['100::', 64, 'ipv6', 'discard-only'],
  ['2001::', 23, 'ipv6', 'IETF protocol assignments'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['2002::', 16, 'ipv6', '6to4'],
  ['fc00::', 7, 'ipv6', 'unique-local (fd00:ec2::254 is the EC2 metadata service)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const blocks = special.map(([net, prefix, type, label]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { list, label };
});

/** The operator's exceptions, e.g. "10.20.0.0/16, 127.0.0.1/32" (CALABI_WEBHOOK_ALLOW). */
export function parseAllowList(text: string | undefined): BlockList {
  const list = new BlockList();
  for (const item of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    const m = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(item);
    const type = m ? isIP(m[1]!) : 0;
    const prefix = m?.[2] === undefined ? (type === 6 ? 128 : 32) : Number(m[2]);
    if (!m || !type || prefix > (type === 6 ? 128 : 32)) {
      throw new Error(`[webhook] '${item}' in the webhook allow-list is not an address or CIDR range; write e.g. 10.0.0.0/8 or fd12::/16`);
    }
    list.addSubnet(m[1]!, prefix, type === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

/** Why an address may not be a webhook destination, or undefined when it may. */
export function refusedBecause(address: string, allow: BlockList): string | undefined {
  const type = isIP(address);
  if (!type) return 'not an IP address';
  const family = type === 6 ? 'ipv6' : 'ipv4';
  // BlockList matches an IPv4-mapped IPv6 address (::ffff:a.b.c.d) against IPv4 rules, so mapped forms are covered.
  if (allow.check(address, family)) return undefined;
  return blocks.find((b) => b.list.check(address, family))?.label;
}

export class DestinationRefused extends Error {
  constructor(readonly reason: string, host: string) {
    super(`destination refused: ${host} is a ${reason} address, which webhooks may not reach; an operator can allow a range with CALABI_WEBHOOK_ALLOW (e.g. 10.0.0.0/8)`);
    this.name = 'DestinationRefused';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that fails the connection when any address it would use is refused. */
export function guardedLookup(allow: BlockList) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = addresses as LookupAddress[];
      for (const a of list) {
        const reason = refusedBecause(a.address, allow);
        if (reason) return callback(Object.assign(new DestinationRefused(reason, hostname), { code: 'EDESTREFUSED' }), '');
      }
      if (options.all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** Checks an IP written in the URL itself: Node connects to a literal address without calling `lookup`. */
export function checkLiteral(hostname: string, allow: BlockList): void {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (!isIP(bare)) return;
  const reason = refusedBecause(bare, allow);
  if (reason) throw new DestinationRefused(reason, hostname);
}
