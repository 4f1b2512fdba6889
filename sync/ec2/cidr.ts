/**
 * CIDR blocks as inclusive [start, end] address ranges (BigInt, so IPv4 and IPv6 share the code), and sets
 * of them kept sorted and merged. Used to walk network ACL entries in rule order: what a lower-numbered entry
 * already decided is out of reach of the entries after it.
 */
export type Family = 'ipv4' | 'ipv6';
export type Range = readonly [bigint, bigint];

const BITS: Record<Family, number> = { ipv4: 32, ipv6: 128 };

export function fullRange(family: Family): Range {
  return [0n, (1n << BigInt(BITS[family])) - 1n];
}

/** The range of a CIDR block; throws on a malformed block (the caller records it). */
export function parseCidr(cidr: string, family: Family): Range {
  const [address, lengthText] = cidr.trim().split('/');
  const length = Number(lengthText);
  const bits = BITS[family];
  if (address === undefined || !Number.isInteger(length) || length < 0 || length > bits) throw new Error(`malformed ${family} CIDR block ${JSON.stringify(cidr)}`);
  const value = family === 'ipv4' ? ipv4(address) : ipv6(address);
  const hostBits = BigInt(bits - length);
  const start = (value >> hostBits) << hostBits;
  return [start, start + (1n << hostBits) - 1n];
}

function ipv4(address: string): bigint {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) throw new Error(`malformed IPv4 address ${JSON.stringify(address)}`);
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n);
}

function ipv6(address: string): bigint {
  const halves = address.split('::');
  if (halves.length > 2) throw new Error(`malformed IPv6 address ${JSON.stringify(address)}`);
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) throw new Error(`malformed IPv6 address ${JSON.stringify(address)}`);
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) throw new Error(`malformed IPv6 address ${JSON.stringify(address)}`);
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** A set of addresses as sorted, disjoint, non-adjacent ranges. */
export class RangeSet {
  private ranges: Array<[bigint, bigint]> = [];

  add([start, end]: Range): void {
    const merged: Array<[bigint, bigint]> = [];
    let s = start;
    let e = end;
    for (const r of this.ranges) {
      if (r[1] + 1n < s || r[0] > e + 1n) merged.push(r);
      else {
        s = r[0] < s ? r[0] : s;
        e = r[1] > e ? r[1] : e;
      }
    }
    merged.push([s, e]);
    merged.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.ranges = merged;
  }

  /** Whether every address of `range` is in the set. */
  covers([start, end]: Range): boolean {
    return this.ranges.some((r) => r[0] <= start && r[1] >= end);
  }

  /** The parts of `range` outside the set (empty when the set covers it). */
  outside([start, end]: Range): Range[] {
    const parts: Range[] = [];
    let next = start;
    for (const [s, e] of this.ranges) {
      if (e < next) continue;
      if (s > end) break;
      if (s > next) parts.push([next, s - 1n]);
      next = e + 1n;
      if (next > end) return parts;
    }
    if (next <= end) parts.push([next, end]);
    return parts;
  }
}
