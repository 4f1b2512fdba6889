import { createHash } from 'node:crypto';
import type { ControlReport, ResourceFinding, ScanReport } from './types.js';

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
 * from the same few hundred outcomes): each findings list is rendered and sorted once, a requirement's union is
 * those sorted runs concatenated and merged (V8's sort is a TimSort, which merges runs), and a set of lists
 * already digested is not digested again. Same digest as findingsDigest over the concatenation.
 */
export function createDigester(): (lists: ReadonlyArray<readonly ResourceFinding[]>) => string {
  const ids = new WeakMap<object, number>();
  const runs = new WeakMap<object, ReadonlyArray<{ f: ResourceFinding; line: string }>>();
  const memo = new Map<string, string>();
  let next = 0;
  const idOf = (list: readonly ResourceFinding[]) => {
    let id = ids.get(list);
    if (id === undefined) ids.set(list, (id = next++));
    return id;
  };
  const runOf = (list: readonly ResourceFinding[]) => {
    let run = runs.get(list);
    if (!run) runs.set(list, (run = list.map((f) => ({ f, line: findingLine(f) })).sort((x, y) => compareFindings(x.f, y.f))));
    return run;
  };
  return (lists) => {
    const key = lists.map(idOf).sort((a, b) => a - b).join(',');
    const known = memo.get(key);
    if (known) return known;
    const merged = lists.length === 1 ? runOf(lists[0]!) : lists.flatMap(runOf).sort((x, y) => compareFindings(x.f, y.f));
    const hash = createHash('sha256');
    let chunk = '';
    for (const { line } of merged) {
      chunk += `${line}\n`;
      if (chunk.length > 1 << 20) (hash.update(chunk), (chunk = ''));
    }
    hash.update(chunk);
    const digest = hash.digest('hex');
    memo.set(key, digest);
    return digest;
  };
}

/** Combines the benchmark header and each control's id, status, finding count and findings digest, in order. */
export function combineReportId(benchmark: { id: string; version: string }, controls: ReadonlyArray<Pick<ControlReport, 'id' | 'status' | 'resources'>>, digests: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(`${JSON.stringify(['calabi-report/2', benchmark.id, benchmark.version])}\n`);
  controls.forEach((c, i) => hash.update(`${JSON.stringify([c.id, c.status, c.resources.length, digests[i]])}\n`));
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
