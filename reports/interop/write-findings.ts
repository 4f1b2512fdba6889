import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { homeRegion } from '../../lib/aws/partitions.js';
import { packageVersion } from '../../lib/package-root.js';
import type { Catalog } from '../../controls/loader.js';
import type { Database } from '../../schema/db.js';
import type { Scan } from '../../schema/scans.js';
import { asffBatchSize, toAsff, type AsffFinding } from './asff.js';
import { assertLiveScan } from './live-scan.js';
import { toOcsf } from './ocsf.js';
import { streamSecurityFindings, type CheckLookup, type SecurityFinding } from './security-findings.js';

export interface FindingsExportOptions {
  /** The catalog whose checks give titles, descriptions and remediation (default: the built-in one). */
  catalog?: Pick<Catalog, 'checks'>;
  /** Region that findings about global resources (IAM, the account) are imported into; default the partition's home region. */
  homeRegion?: string;
}

export const lookupIn = (catalog: Pick<Catalog, 'checks'>): CheckLookup => (id) => catalog.checks.get(id);

/** The region a finding belongs to in Security Hub: its own, or for a global one the home region of its partition. */
export function importRegionOf(f: Pick<SecurityFinding, 'region' | 'partition'>, override?: string): string {
  if (f.region !== 'global') return f.region;
  return override ?? homeRegion(f.partition) ?? 'us-east-1';
}

async function catalogOf(options: FindingsExportOptions): Promise<Pick<Catalog, 'checks'>> {
  if (options.catalog) return options.catalog;
  const { loadCatalog } = await import('../../controls/loader.js');
  return loadCatalog();
}

/** Writes with back-pressure: waits for 'drain' when the stream's buffer is full. */
async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/**
 * OCSF: newline-delimited JSON, one Compliance Finding event per line (what Security Lake, Splunk, Elastic and
 * `duckdb read_json` take as a stream; a JSON array would have to be held whole). Resolves to the event count.
 */
export async function writeOcsf(db: Database, scan: Scan, out: Writable, options: FindingsExportOptions = {}): Promise<number> {
  assertLiveScan(scan, 'an OCSF export');
  const lookup = lookupIn(await catalogOf(options));
  const ctx = { benchmarkId: scan.benchmark_id, benchmarkTitle: scan.benchmark_title ?? scan.benchmark_id, calabiVersion: packageVersion, scanId: scan.id };
  let n = 0;
  for await (const chunk of streamSecurityFindings(db, scan, lookup)) {
    for (const f of chunk) {
      await writeLine(out, JSON.stringify(toOcsf(f, ctx)));
      n++;
    }
  }
  out.end();
  return n;
}

/** Every finding of a scan as ASFF, in order (account, region, check, resource). */
export async function* asffFindings(db: Database, scan: Scan, options: FindingsExportOptions = {}): AsyncGenerator<AsffFinding & { importRegion: string }> {
  assertLiveScan(scan, 'ASFF');
  const lookup = lookupIn(await catalogOf(options));
  const base = { benchmarkTitle: scan.benchmark_title ?? scan.benchmark_id, calabiVersion: packageVersion, scanId: scan.id };
  for await (const chunk of streamSecurityFindings(db, scan, lookup)) {
    for (const f of chunk) {
      const importRegion = importRegionOf(f, options.homeRegion);
      yield Object.assign(toAsff(f, { ...base, importRegion }), { importRegion });
    }
  }
}

/**
 * ASFF: newline-delimited JSON, one BatchImportFindings request per line — `{"Findings":[…]}` with at most 100
 * findings, all of one account and region (Security Hub takes a finding only in its own account's hub of the
 * region in its ProductArn). Each line is what `aws securityhub batch-import-findings --cli-input-json` takes.
 * Resolves to the finding count.
 */
export async function writeAsff(db: Database, scan: Scan, out: Writable, options: FindingsExportOptions = {}): Promise<number> {
  let batch: AsffFinding[] = [];
  let key = '';
  let n = 0;
  const flush = async () => {
    if (batch.length > 0) await writeLine(out, JSON.stringify({ Findings: batch }));
    batch = [];
  };
  for await (const { importRegion, ...finding } of asffFindings(db, scan, options)) {
    const k = `${finding.AwsAccountId}/${importRegion}`;
    if (k !== key || batch.length === asffBatchSize) await flush();
    key = k;
    batch.push(finding as AsffFinding);
    n++;
  }
  await flush();
  out.end();
  return n;
}
