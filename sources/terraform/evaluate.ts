import { evaluateBenchmark, findBenchmark } from '../../controls/engine.js';
import type { Catalog } from '../../controls/loader.js';
import type { Check, ScanReport } from '../../controls/types.js';
import { verifiableReport } from '../../controls/verifiable.js';
import { loadPlan } from './load.js';
import { iacReport, type IacReport } from './output/report.js';
import type { TfPlanDocument } from './plan.js';
import { verifiabilityFacts } from './visibility.js';

/** One findings row of the plan's scan, as the engine stored it in the plan's own database. */
export interface PlanFinding {
  control_id: string;
  check_id: string;
  resource_id: string;
  account_id: string;
  region: string;
  reason: string;
  evidence: string | null;
}

export interface PlanEvaluation {
  report: IacReport;
  /** The engine's scan of the plan's database (its verdicts before NOT VERIFIABLE was applied). */
  scan: ScanReport;
  /** Findings rows that stand after NOT VERIFIABLE (a finding on a resource whose values are unknown does not). */
  findings: PlanFinding[];
  /** Requirement id → the check ids it maps. */
  checkIds: Record<string, string[]>;
}

export interface PlanEvaluationOptions {
  /** Shown as the report's source (a file name, or "upload"). */
  file: string;
  benchmarkId: string;
  catalog: Catalog;
  completeAccount?: boolean;
  trigger?: string;
}

/**
 * Loads a scrubbed plan into an in-memory database of its own, runs the benchmark on it and re-reads each verdict
 * for what the plan cannot show (controls/verifiable.ts). Shared by `calabi iac` and POST /api/iac; the plan's
 * database is closed before this returns, so nothing of the plan outlives the call but the report and the
 * findings that stand.
 */
export async function evaluatePlan(doc: TfPlanDocument, options: PlanEvaluationOptions): Promise<PlanEvaluation> {
  const plan = await loadPlan(doc);
  try {
    const scan = await evaluateBenchmark({ db: plan.db, benchmarkId: options.benchmarkId, catalog: options.catalog, trigger: options.trigger ?? 'iac' });
    const benchmark = findBenchmark(options.catalog, options.benchmarkId);
    const checksOf = (id: string): Check[] =>
      (benchmark.requirements.find((r) => r.id === id)?.checks ?? []).map((c) => options.catalog.checks.get(c)).filter((c): c is Check => c !== undefined);
    const completeAccount = options.completeAccount === true;
    const { controls, summary } = verifiableReport(scan, checksOf, verifiabilityFacts(plan, completeAccount));
    const report = iacReport(options.file, plan, scan, controls, summary, completeAccount);
    const standing = new Map(controls.map((c) => [c.id, new Set(c.status === 'FAIL' ? c.resources.map((r) => r.resource_id) : [])]));
    const rows = await plan.db.all<PlanFinding>(
      `SELECT control_id, check_id, resource_id, account_id, region, reason, CAST(evidence AS VARCHAR) AS evidence
       FROM findings WHERE scan_id = ? ORDER BY control_id, check_id, resource_id`,
      [scan.scan.id],
    );
    const findings = rows.filter((f) => standing.get(f.control_id)?.has(f.resource_id) === true);
    return { report, scan, findings, checkIds: Object.fromEntries(benchmark.requirements.map((r) => [r.id, [...r.checks]])) };
  } finally {
    plan.db.close();
  }
}
