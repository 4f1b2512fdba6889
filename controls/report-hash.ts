import { createHash } from 'node:crypto';
import type { ControlReport, ResourceFinding, ScanReport } from './types.js';
import { resourceCount } from './lazy-resources.js';

function compareFindings(a: ResourceFinding, b: ResourceFinding): number {
  return cmp(a.resource_id, b.resource_id) || cmp(a.account_id, b.account_id) || cmp(a.region, b.region) || cmp(a.reason, b.reason);
}

/**
 * Code-point order, as DuckDB orders text (UTF-8 bytes): JavaScript's `<` compares UTF-16 units, which puts a
 * character beyond U+FFFF (a surrogate pair) before U+E000–U+FFFF.
 */
function cmp(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  return unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/**
 * One finding's line of the digest: its four fields as a JSON array, as DuckDB's to_json writes it (the engine
 * hashes the lines DuckDB renders, read-findings.ts). The two differ only in the hex digits of a control
 * character's escape: DuckDB writes \u001F where JSON.stringify writes \u001f.
 */
export function findingLine(f: ResourceFinding): string {
  const text = JSON.stringify([f.resource_id, f.account_id, f.region, f.reason]);
  if (!text.includes('\\u00')) return text;
  // Escapes are read pairwise from the left, so an escaped backslash followed by "u00" is left alone.
  return text.replace(/\\(u00[0-9a-f]{2}|.)/g, (m, e: string) => (e.length === 5 ? `\\u00${e.slice(3).toUpperCase()}` : m));
}

/**
 * sha256 over one control's findings in canonical order (resource, account, region, reason, each in code-point
 * order), one JSON array per line (findingLine) so no resource name can forge a separator. The engine has
 * DuckDB render these lines for a requirement that maps one check and hashes them as it reads the findings;
 * this is the same digest computed from findings already in JS (several checks, evidence asked for,
 * computeReportId on a loaded report).
 */
export function findingsDigest(resources: readonly ResourceFinding[]): string {
  const hash = createHash('sha256');
  let chunk = '';
  for (const f of [...resources].sort(compareFindings)) {
    chunk += `${findingLine(f)}\n`;
    if (chunk.length > 1 << 20) (hash.update(chunk), (chunk = ''));
  }
  hash.update(chunk);
  return hash.digest('hex');
}

/**
 * findingsDigest of several checks' findings taken together, for an evaluation whose requirements share checks
 * (NIST maps up to 34 per requirement, and evaluating every framework at once settles thousands of requirements
 * from the same few hundred outcomes). Requests are collected while the checks run and digested at the end
 * (finish): every findings list is sorted once, all of them are merged once into one canonical order (V8's sort
 * is a TimSort, which merges the sorted runs), each finding's line is encoded once, and a requirement's digest is
 * then its findings' positions in that order sorted as numbers, their lines hashed in that order. A set of lists
 * already digested is not digested again. Same digest as findingsDigest over the concatenation.
 */
export class Digester {
  readonly #lists: Array<readonly ResourceFinding[]> = [];
  readonly #index = new WeakMap<object, number>();
  readonly #requests = new Map<string, number[]>();

  /** Asks for the digest of these lists' findings together, under `id` (finish's answer). */
  request(id: string, lists: ReadonlyArray<readonly ResourceFinding[]>): void {
    this.#requests.set(id, lists.map((list) => {
      let i = this.#index.get(list);
      if (i === undefined) (this.#index.set(list, (i = this.#lists.length)), this.#lists.push(list));
      return i;
    }));
  }

  finish(): Map<string, string> {
    const out = new Map<string, string>();
    if (this.#requests.size === 0) return out;
    // One canonical order over every finding of every list: each list sorted, then the runs merged.
    const entries: Array<{ list: number; at: number; f: ResourceFinding }> = [];
    for (const [list, findings] of this.#lists.entries()) {
      const run = findings.map((f, at) => ({ list, at, f })).sort((x, y) => compareFindings(x.f, y.f));
      for (const e of run) entries.push(e);
    }
    entries.sort((x, y) => compareFindings(x.f, y.f));
    const ranks = this.#lists.map((findings) => new Int32Array(findings.length));
    const lines = entries.map((e, rank) => {
      ranks[e.list]![e.at] = rank;
      return `${findingLine(e.f)}\n`;
    });
    const offsets = new Float64Array(lines.length + 1);
    for (let r = 0; r < lines.length; r++) offsets[r + 1] = offsets[r]! + Buffer.byteLength(lines[r]!);
    const bytes = Buffer.allocUnsafe(offsets[lines.length]!);
    for (let r = 0; r < lines.length; r++) bytes.write(lines[r]!, offsets[r]!);
    lines.length = 0;

    const memo = new Map<string, string>();
    const stage = Buffer.allocUnsafe(1 << 20);
    for (const [id, lists] of this.#requests) {
      const key = [...lists].sort((a, b) => a - b).join(',');
      let digest = memo.get(key);
      if (!digest) {
        let n = 0;
        for (const l of lists) n += ranks[l]!.length;
        const order = new Int32Array(n);
        let k = 0;
        for (const l of lists) (order.set(ranks[l]!, k), (k += ranks[l]!.length));
        order.sort();
        const hash = createHash('sha256');
        let used = 0;
        for (let i = 0; i < n; ) {
          // Consecutive ranks are adjacent bytes: a run of them (one resource type's findings, often thousands) is
          // one slice, hashed in place when large, else staged with one copy.
          const start = order[i]!;
          let end = start + 1;
          for (i++; i < n && order[i] === end; i++) end++;
          const from = offsets[start]!;
          const size = offsets[end]! - from;
          const inPlace = size >= stage.length >> 4;
          if (used > 0 && (inPlace || used + size > stage.length)) (hash.update(stage.subarray(0, used)), (used = 0));
          if (inPlace) hash.update(bytes.subarray(from, from + size));
          else used += bytes.copy(stage, used, from, from + size);
        }
        hash.update(stage.subarray(0, used));
        digest = hash.digest('hex');
        memo.set(key, digest);
      }
      out.set(id, digest);
    }
    return out;
  }
}

/** Combines the benchmark header and each control's id, status, finding count and findings digest, in order. */
export function combineReportId(benchmark: { id: string; version: string }, controls: ReadonlyArray<Pick<ControlReport, 'id' | 'status' | 'resources'>>, digests: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(`${JSON.stringify(['calabi-report/2', benchmark.id, benchmark.version])}\n`);
  controls.forEach((c, i) => hash.update(`${JSON.stringify([c.id, c.status, resourceCount(c), digests[i]])}\n`));
  return hash.digest('hex');
}

/**
 * The report id: sha256 over the canonical results — benchmark id and version, then for each control in
 * benchmark order its id, status, number of findings and the digest of its sorted findings (findingsDigest).
 * Scan ids, times, evidence columns and the wording of reasons and summaries are left out, so the same inventory
 * state gives the same id and an exported file can be checked against the scan it claims to come from. Hex, 64
 * characters.
 */
export function computeReportId(report: Pick<ScanReport, 'benchmark' | 'controls'>): string {
  return combineReportId(report.benchmark, report.controls, report.controls.map((c) => findingsDigest(c.resources)));
}
