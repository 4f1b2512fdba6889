import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../schema/db.js';
import { oldestDataAt } from './coverage.js';
import { loadCatalog, type Catalog, type LoadedBenchmark } from './loader.js';
import { quoteIdent } from '../schema/table.js';
import { CheckTables } from './check-tables.js';
import { combineReportId, Digester, findingsDigest } from './report-hash.js';
import { flushFindings, runCheck, type CheckOutcome, type StagedFindings } from './run-check.js';
import { resolveLimits, type EvaluationLimits } from './limits.js';
import { regionCoverageNote } from './region-coverage.js';
import { applyScopeViews } from './scope-views.js';
import { inventoryTables } from '../schema/inventory.js';
import { materialiseSharedViews, readsSharedView } from './shared-views.js';
import { closeExternalAccess } from './external-access.js';
import { scopeProblems } from './scopes.js';
import { controlResult, ResourceCounter, type ControlResult } from './status.js';
import { shareResources } from './lazy-resources.js';
import { findingCount } from './lazy-findings.js';
import { previousScan } from '../schema/scans.js';
import { completeScan, failScan, insertScan } from './store.js';
import { summarise } from './score.js';
import { planOf, type Plan } from './evaluation-plan.js';
import { exceptOutcome } from './exceptions/apply.js';
import { exceptionMatcher } from './exceptions/in-force.js';
import type { ExceptionMatcher } from './exceptions/match.js';
import type { Check, ControlReport, Requirement, ScanReport } from './types.js';

export { loadCatalog } from './loader.js';
export { computeReportId } from './report-hash.js';
export { latestScanId, loadScanReport, type ReportFilters } from './store.js';
export { listBenchmarks } from './benchmarks.js';

export interface EvaluateOptions {
  db: Database;
  benchmarkId: string;
  /** Custom check/benchmark directories besides $CALABI_CHECKS. */
  checksDirs?: readonly string[];
  /** A catalogue already loaded (the server loads it once); default: loadCatalog({ checksDirs }). */
  catalog?: Catalog;
  /** cli | api | schedule — recorded on the scan. */
  trigger?: string;
  /** The sync run this evaluation follows, when `scan` synced first. */
  syncRunId?: string | null;
  /** Called as each requirement completes, in completion order (the server streams these). */
  onControl?: (control: ControlReport) => void;
  /** Checks run concurrently on this many connections (default 3: DuckDB parallelises each query too). */
  concurrency?: number;
  /** Put each finding's evidence columns on the report's resources (always stored in `findings`). */
  includeEvidence?: boolean;
  /** Use this scan id (the server's run id) instead of a fresh UUID. */
  scanId?: string;
  /** Check timeout and maximum data age; what is left out comes from CALABI_* variables or the defaults (limits.ts). */
  limits?: Partial<EvaluationLimits>;
}

/** The benchmark id is not in the catalogue; the message lists the valid ones. */
export class UnknownBenchmarkError extends Error {
  constructor(readonly benchmarkId: string, readonly valid: readonly string[], problems: readonly { message: string }[] = []) {
    super(
      `[controls] unknown benchmark '${benchmarkId}'. Valid benchmarks: ${valid.join(', ')}.` +
        (problems.length ? ` Files that could not be loaded: ${problems.map((p) => p.message).join('; ')}` : ''),
    );
    this.name = 'UnknownBenchmarkError';
  }
}

export function findBenchmark(catalog: Catalog, benchmarkId: string): LoadedBenchmark {
  const b = catalog.benchmarks.get(benchmarkId);
  if (!b) throw new UnknownBenchmarkError(benchmarkId, [...catalog.benchmarks.keys()].sort(), catalog.problems);
  return b;
}

/**
 * Evaluates every requirement of a benchmark against the current inventory (no AWS calls) and records the scan.
 * Each distinct check runs once, however many requirements map it; checks run concurrently on a few
 * connections; a requirement is reported (onControl) as soon as its last check is done. Statuses follow
 * controls/status.ts. The scan row is written first as 'running' and completed in one transaction at the end;
 * findings are written once per connection after its last check; a crash marks the scan 'failed' and removes
 * any findings already written.
 */
export async function evaluateBenchmark(options: EvaluateOptions): Promise<ScanReport> {
  const { benchmarkId, scanId, onControl, ...rest } = options;
  const [report] = await evaluateBenchmarks({
    ...rest, benchmarkIds: [benchmarkId], scanIds: scanId ? [scanId] : undefined, onControl: onControl ? (_benchmark, control) => onControl(control) : undefined,
  });
  return report!;
}

export interface EvaluateManyOptions extends Omit<EvaluateOptions, 'benchmarkId' | 'scanId' | 'onControl'> {
  benchmarkIds: readonly string[];
  /** One scan id per benchmark, in the same order (default: fresh UUIDs). */
  scanIds?: readonly string[];
  onControl?: (benchmarkId: string, control: ControlReport) => void;
}

/**
 * Evaluates several benchmarks at once: the union of their checks runs once, and each check's one outcome decides
 * every requirement of every benchmark that maps it. Each benchmark still gets its own scan (its own row, control
 * results, findings and report id), identical to evaluating it alone over the same inventory. A crash marks every
 * scan of the run not yet complete 'failed' (and removes its findings).
 */
export async function evaluateBenchmarks(options: EvaluateManyOptions): Promise<ScanReport[]> {
  const { db } = options;
  const catalog = options.catalog ?? loadCatalog({ checksDirs: options.checksDirs });
  const ids = [...new Set(options.benchmarkIds)];
  if (ids.length === 0) throw new Error('[controls] no benchmark to evaluate');
  if (options.scanIds && options.scanIds.length !== ids.length) throw new Error(`[controls] ${ids.length} benchmarks but ${options.scanIds.length} scan ids`);
  const plans = ids.map((id, i) => planOf(findBenchmark(catalog, id), options.scanIds?.[i] ?? randomUUID()));
  const startedAt = new Date();
  const completed = new Set<string>();
  // The scans evaluated together share their checks' findings, stored once (schema/migration-check-findings.ts).
  const evaluationId = randomUUID();
  try {
    for (const plan of plans) {
      await insertScan(db, { id: plan.scanId, benchmark: plan.header, startedAt, trigger: options.trigger ?? 'cli', syncRunId: options.syncRunId ?? null, evaluationId });
    }
    // Exceptions in force when the evaluation starts apply to all of it; an expired one no longer does.
    const matcher = await exceptionMatcher(db, startedAt);
    await evaluateRequirements(db, catalog, plans, options, matcher, evaluationId);
    const reports: ScanReport[] = [];
    for (const plan of plans) {
      const finishedAt = new Date();
      const results = plan.benchmark.requirements.map((r) => plan.results.get(r.id)!);
      // The trend compares with the one "previous scan" every surface uses (schema/scans.ts).
      const summary = summarise(results, (await previousScan(db, plan.scanId))?.score ?? null, await oldestDataAt(db, catalog, plan.benchmark));
      const controls: ControlReport[] = results.map(toReport);
      const reportId = combineReportId(plan.header, controls, controls.map((c) => plan.digests.get(c.id)!));
      await completeScan(db, plan.scanId, finishedAt, results, summary, reportId, matcher ? { matcher, applied: plan.excepted } : null);
      completed.add(plan.scanId);
      reports.push({
        benchmark: plan.header,
        scan: { id: plan.scanId, started_at: startedAt.toISOString(), finished_at: finishedAt.toISOString(), report_id: reportId },
        summary,
        controls,
      });
    }
    return reports;
  } catch (error) {
    for (const plan of plans) if (!completed.has(plan.scanId)) await failScan(db, plan.scanId, error);
    throw new Error(`[controls] evaluating ${ids.join(', ')} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function evaluateRequirements(db: Database, catalog: Catalog, plans: readonly Plan[], options: EvaluateManyOptions, matcher: ExceptionMatcher | null, evaluationId: string): Promise<void> {
  // A requirement that maps one check has its digest from reading the findings (read-findings.ts); one that maps
  // several has it from the digester once every check has run (report-hash.ts Digester: requirements of every plan
  // share their checks' outcomes, so each finding is sorted and rendered once, not once per requirement).
  const digester = new Digester();
  // `digest` is known when the requirement is settled, or left to the digester (undefined).
  const emit = (plan: Plan, result: ControlResult, digest: string | undefined) => {
    plan.results.set(result.id, result);
    if (digest !== undefined) plan.digests.set(result.id, digest);
    options.onControl?.(plan.benchmark.id, toReport(result));
  };
  const noFindings = findingsDigest([]);
  for (const plan of plans) for (const r of plan.benchmark.requirements) if (!plan.automated.includes(r)) emit(plan, controlResult(r, [], []), noFindings);

  // Stated beside every "in all regions" requirement: which regions it was judged on, and which were left out.
  const coverageNote = await db.connect().then(async (conn) => {
    try {
      return await regionCoverageNote(conn);
    } finally {
      conn.closeSync();
    }
  });
  // Which requirements of which plan wait for each check: one outcome settles them all.
  const waiting = new Map<string, Array<{ plan: Plan; requirement: Requirement }>>();
  for (const plan of plans) {
    for (const r of plan.automated) for (const id of new Set(r.checks)) waiting.set(id, [...(waiting.get(id) ?? []), { plan, requirement: r }]);
  }
  const counter = new ResourceCounter();
  const settleIn = (plan: Plan, r: Requirement, outcome: CheckOutcome) => {
    plan.outcomes.set(outcome.checkId, outcome);
    const left = plan.pending.get(r.id)!;
    if (!left.delete(outcome.checkId) || left.size > 0) return;
    const checks = r.checks.map((id) => catalog.checks.get(id)).filter((c): c is Check => c !== undefined);
    const found = [...new Set(r.checks)].map((id) => plan.outcomes.get(id)!);
    // An exception scoped to a benchmark or requirement covers only its own: each plan marks its own copy.
    const outs = matcher ? found.map((o) => exceptOutcome(o, matcher, { benchmarkId: plan.benchmark.id, requirementId: r.id }, plan.excepted)) : found;
    // One check's digest came with its findings (run-check.ts), and is the requirement's when the other checks it
    // maps found nothing; several checks' findings, or one check's read without it, are digested at the end.
    const withFindings = outs.filter((o) => findingCount(o) > 0);
    const digest = withFindings.length === 0 ? noFindings : withFindings.length === 1 && withFindings[0]!.digest ? withFindings[0]!.digest : undefined;
    if (digest === undefined) digester.request(`${plan.scanId}\u0000${r.id}`, withFindings.map((o) => o.findings));
    emit(plan, withRegionCoverage(controlResult(r, checks, outs, outs.reduce((ms, o) => ms + o.durationMs, 0), counter), checks, coverageNote), digest);
  };
  const settle = (outcome: CheckOutcome) => {
    for (const { plan, requirement } of waiting.get(outcome.checkId) ?? []) settleIn(plan, requirement, outcome);
  };

  // Broken and unknown checks settle at once, with a message that names the file (or each benchmark's file).
  const runnable: Check[] = [];
  for (const id of waiting.keys()) {
    const check = catalog.checks.get(id);
    const broken = catalog.broken.get(id);
    if (check) runnable.push(check);
    else if (broken) settle(failed(id, broken.message));
    else for (const { plan, requirement } of waiting.get(id)!) settleIn(plan, requirement, failed(id, `${plan.benchmark.file}: maps unknown check '${id}'; no controls/checks/*/${id}.sql or custom check has that id`));
  }

  const limits: EvaluationLimits = { ...resolveLimits(), ...options.limits };
  if (runnable.some((c) => !c.builtin)) await closeExternalAccess(db);
  const connections: DuckDBConnection[] = [];
  try {
    const size = Math.max(1, Math.min(options.concurrency ?? 3, runnable.length));
    for (let i = 0; i < size; i++) connections.push(await db.connect());
    const first = connections[0]!;
    const knownTables = new Set(
      ((await first.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE NOT temporary UNION SELECT view_name FROM duckdb_views() WHERE NOT internal`)).getRowsJS() as string[][]).map((r) => r[0]!),
    );
    // The tables each check reads come from its SQL, not from its metadata (check-tables.ts). Only those get a
    // scope view (about a hundred views per connection otherwise); when some check's SQL cannot be analysed,
    // every table gets one.
    const { checks: reading, complete } = await withDerivedTables(first, runnable);
    const read = new Set(reading.flatMap((c) => c.tables));
    const scoped = complete ? inventoryTables.filter((t) => read.has(t.name)) : inventoryTables;
    for (const conn of connections) await applyScopeViews(conn, scoped);
    const problems = await scopeProblems(first, reading.flatMap((c) => c.tables), undefined, { now: new Date(), maxDataAgeMs: limits.maxDataAgeMs });
    // Longest first would need history; the catalogue order is good enough and deterministic. The checks that
    // read a shared view (shared-views.ts) run on the first connection, which materialises the view once.
    const scopeCounts = new Map<string, number>();
    const queue = reading.filter((c) => !readsSharedView(c));
    const shared = reading.filter((c) => readsSharedView(c));
    await Promise.all(
      connections.map(async (conn, i) => {
        const staged: StagedFindings[] = [];
        const own = i === 0 ? shared : [];
        if (own.length) await materialiseSharedViews(conn, own, limits.checkTimeoutMs);
        const next = () => own.shift() ?? queue.shift();
        for (let check = next(); check; check = next()) {
          const outcome = await runCheck(check, { conn, knownTables, scopeProblems: problems, includeEvidence: options.includeEvidence, timeoutMs: limits.checkTimeoutMs, scopeCounts });
          if (outcome.staged) staged.push(outcome.staged);
          settle(outcome);
        }
        // The staged rows are copied once, whichever requirements of whichever benchmarks map their checks.
        await flushFindings(conn, evaluationId, staged);
      }),
    );
    const digests = digester.finish();
    for (const plan of plans) {
      for (const r of plan.automated) {
        const d = digests.get(`${plan.scanId}\u0000${r.id}`);
        if (d) plan.digests.set(r.id, d);
      }
    }
  } finally {
    for (const c of connections) c.closeSync();
  }
}

/**
 * Each check with `tables` = what its SQL and its scope read (views and macros expanded), plus what its metadata
 * declares: a table the metadata forgets still decides ERROR when it failed to sync.
 */
async function withDerivedTables(conn: DuckDBConnection, checks: readonly Check[]): Promise<{ checks: Check[]; complete: boolean }> {
  const derive = await CheckTables.load(conn);
  const out: Check[] = [];
  let complete = true;
  for (const check of checks) {
    const read = new Set([...check.tables, check.scope.table]);
    const sources = [check.sql, ...(check.scope.where ? [`SELECT 1 FROM ${quoteIdent(check.scope.table)} WHERE (${check.scope.where})`] : [])];
    for (const sql of sources) {
      const tables = await derive.of(sql);
      if (tables === null) complete = false;
      for (const t of tables ?? []) read.add(t);
    }
    out.push({ ...check, tables: [...read] });
  }
  return { checks: out, complete };
}

function withRegionCoverage(result: ControlResult, checks: readonly Check[], note: string | null): ControlResult {
  if (!note || !checks.some((c) => c.all_regions)) return result;
  // Set, not spread: a spread would build the result's lazy `resources` (lazy-resources.ts).
  result.reason = `${result.reason} ${note}`;
  return result;
}

function failed(checkId: string, error: string): CheckOutcome {
  return { checkId, error, scopeProblems: [], evaluated: 0, findings: [], digest: null, durationMs: 0, staged: null };
}

function toReport(r: ControlResult): ControlReport {
  return shareResources(r, {
    id: r.id, title: r.title, section: r.section, level: r.level, assessment: r.assessment, severity: r.severity, status: r.status, reason: r.reason,
    affected_count: r.affected_count, evaluated_count: r.evaluated_count, resources: [],
  });
}
