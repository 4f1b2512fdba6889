import type { Catalog } from '../controls/loader.js';
import type { Severity } from '../controls/types.js';
import { controlResults } from '../schema/control-results.js';
import type { Database } from '../schema/db.js';
import { exceptedFindingMatch } from '../schema/excepted-findings.js';
import { latestScan, resolveScan, ScanNotFoundError, type Scan } from '../schema/scans.js';
import { buildPlan, type PlanCheckInfo, type PlanFramework, type RemediationPlan } from './remediation-plan.js';

export interface PlanOptions {
  /** The plan's benchmark. */
  benchmarkId: string;
  /** Its scan: an id, a unique prefix, or `latest` (default). */
  scan?: string;
  /** Other benchmarks whose latest complete scans count what each fix gains (the plan's own is always first). */
  frameworks?: readonly string[];
  /** Failing resources listed per check (all are counted). */
  maxResources?: number;
}

const severities = new Set<string>(['critical', 'high', 'medium', 'low']);
const asSeverity = (s: string | null | undefined): Severity | null => (s && severities.has(s) ? (s as Severity) : null);

/**
 * Reads what a remediation plan needs from stored scans — each requirement's status and the checks that returned
 * rows for it that no exception accepted, the failing resources of each check — and builds the plan
 * (reports/remediation-plan.ts). The steps come from the catalogue's checks. Reads only: it never evaluates.
 */
export async function remediationPlan(db: Database, catalog: Catalog, options: PlanOptions): Promise<RemediationPlan> {
  const base = await resolveScan(db, options.scan ?? 'latest', options.benchmarkId);
  if (base.benchmark_id !== options.benchmarkId) {
    throw new ScanNotFoundError(options.scan ?? 'latest', `Scan ${base.id} is of ${base.benchmark_id}, not ${options.benchmarkId}.`);
  }
  const others = [...new Set(options.frameworks ?? [])].filter((b) => b !== options.benchmarkId);
  const scans: Scan[] = [base];
  for (const b of others) {
    const s = await latestScan(db, b);
    if (!s) throw new ScanNotFoundError(`latest of ${b}`, `Run \`calabi evaluate ${b}\` first, or leave ${b} out of --frameworks.`);
    scans.push(s);
  }
  const frameworks: PlanFramework[] = [];
  for (const s of scans) frameworks.push(await frameworkOf(db, s));
  const checks = await checkInfo(db, catalog, base.id, options.maxResources ?? 20);
  return buildPlan({ frameworks, checks });
}

/**
 * A finding an exception accepted in the scan (excepted_findings) is an accepted risk, not something to fix: the
 * plan neither lists it nor counts its check as failing the requirement.
 */
const exceptedJoin = `LEFT JOIN excepted_findings x ON ${exceptedFindingMatch()}`;

async function frameworkOf(db: Database, scan: Scan): Promise<PlanFramework> {
  const failing = await db.all<{ control_id: string; checks: string[] | null; excepted: boolean }>(
    `SELECT control_id, list(DISTINCT check_id ORDER BY check_id) FILTER (WHERE NOT excepted) AS checks, bool_or(excepted) AS excepted
     FROM (SELECT f.control_id, f.check_id, x.exception_id IS NOT NULL AS excepted FROM findings f ${exceptedJoin} WHERE f.scan_id = ?)
     GROUP BY control_id`,
    [scan.id],
  );
  const byControl = new Map(failing.map((r) => [r.control_id, r]));
  const rows = await controlResults(db, scan.id);
  return {
    benchmark_id: scan.benchmark_id,
    title: scan.benchmark_title,
    scan_id: scan.id,
    started_at: String(scan.started_at),
    sync_run_id: scan.sync_run_id,
    requirements: rows.map((r) => ({
      id: r.control_id, title: r.title, section: r.section, severity: asSeverity(r.severity), status: r.status, error: r.error,
      failing_checks: byControl.get(r.control_id)?.checks ?? [],
      excepted: byControl.get(r.control_id)?.excepted ?? false,
    })),
  };
}

/**
 * Each failing check of the plan's scan: its metadata and steps, and its distinct failing resources (the first `max`)
 * that no exception accepted (a resource accepted under one requirement and not another is still to fix).
 */
async function checkInfo(db: Database, catalog: Catalog, scanId: string, max: number): Promise<Map<string, PlanCheckInfo>> {
  const rows = await db.all<{ check_id: string; n: number; resources: Array<{ resource_id: string | null; account_id: string | null; region: string | null }> }>(
    `SELECT check_id, count(*) AS n,
            list({'resource_id': resource_id, 'account_id': account_id, 'region': region} ORDER BY resource_id, account_id, region) FILTER (WHERE k <= ?) AS resources
     FROM (SELECT check_id, resource_id, account_id, region,
                  row_number() OVER (PARTITION BY check_id ORDER BY resource_id, account_id, region) AS k
           FROM (SELECT DISTINCT f.check_id, f.resource_id, f.account_id, f.region FROM findings f ${exceptedJoin} WHERE f.scan_id = ? AND x.exception_id IS NULL))
     GROUP BY check_id`,
    [Math.max(0, Math.floor(max)), scanId],
  );
  const out = new Map<string, PlanCheckInfo>();
  for (const r of rows) {
    const check = catalog.checks.get(r.check_id);
    out.set(r.check_id, {
      id: r.check_id,
      title: check?.title ?? r.check_id,
      // A check no longer in the catalogue (a custom file removed since) has no steps; its severity is then the
      // highest of the requirements it fails (remediation-plan.ts).
      severity: check?.severity ?? null,
      remediation: check?.remediation ?? [],
      resource_count: Number(r.n),
      resources: (r.resources ?? []).map((x) => ({ resource_id: x.resource_id, account_id: x.account_id, region: x.region })),
    });
  }
  return out;
}
