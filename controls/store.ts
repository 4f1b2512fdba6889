import { sql } from 'kysely';
import type { Database } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';
import { appendColumns } from '../schema/own-tables.js';
import { currentOwner } from '../schema/owner.js';
import { deleteScanFindings } from '../schema/migration-check-findings.js';
import { latestScan } from '../schema/scans.js';
import { controlResults, type ControlRow } from '../schema/control-results.js';
import { readFindingGroups } from './read-findings.js';
import type { ControlResult } from './status.js';
import { recordApplied, type AppliedException } from './exceptions/apply.js';
import type { ExceptionMatcher } from './exceptions/match.js';
import type { ControlReport, Requirement, ScanReport, ScanSummary, Severity, Status } from './types.js';

/**
 * Scans persist in three tables (schema/migrations.ts, migration 1): `scans` (one row per evaluation, with the
 * summary), `control_results` (one row per requirement) and `findings` (one row per failing resource, control
 * and check). Reports, history and exports read them back through loadScanReport.
 */

export interface ScanStart {
  id: string;
  benchmark: { id: string; title: string; version: string };
  startedAt: Date;
  trigger: string;
  syncRunId: string | null;
  /** Shared by the scans evaluated together: their checks' findings are stored once under it (check_findings). */
  evaluationId: string;
}

/** Starts a scan row owned by this process (a killed process's row is closed as interrupted: controls/interrupted.ts). */
export async function insertScan(db: Database, s: ScanStart): Promise<void> {
  const owner = currentOwner();
  await kyselyOf(db)
    .insertInto('scans')
    .values({
      id: s.id, benchmark_id: s.benchmark.id, benchmark_title: s.benchmark.title, benchmark_version: s.benchmark.version, started_at: s.startedAt,
      status: 'running', trigger: s.trigger, sync_run_id: s.syncRunId, evaluation_id: s.evaluationId, owner_pid: owner.pid, owner_host: owner.host, owner_started_at: owner.startedAt,
    })
    .execute();
}

const controlColumns = appendColumns('control_results');

/** Writes the control rows and completes the scan row in one transaction: a scan is complete or it is not. */
export async function completeScan(
  db: Database, scanId: string, finishedAt: Date, controls: readonly ControlResult[], summary: ScanSummary, reportId: string,
  exceptions: { matcher: ExceptionMatcher; applied: readonly AppliedException[] } | null = null,
): Promise<void> {
  await db.write(async (tx) => {
    if (exceptions) await recordApplied(tx, scanId, exceptions.matcher, exceptions.applied);
    await tx.append(
      'control_results',
      controlColumns,
      // The table's columns picked by name: a spread would build each result's lazy `resources`, which is no column.
      controls.map((c, position) => {
        const row: Record<string, unknown> = {
          scan_id: scanId, control_id: c.id, position, level: c.level === undefined ? null : String(c.level),
          check_results: c.check_results ? JSON.stringify(c.check_results) : null,
        };
        for (const { name } of controlColumns) if (!(name in row)) row[name] = (c as unknown as Record<string, unknown>)[name];
        return row;
      }),
    );
    await kyselyOf(tx)
      .updateTable('scans')
      .set({
        finished_at: finishedAt, status: 'complete', score: summary.score, pass: summary.pass, fail: summary.fail, skip: summary.skip, error: summary.error,
        manual: summary.manual, critical_failed: summary.critical_failed, high_failed: summary.high_failed, report_id: reportId, summary: JSON.stringify(summary),
        excepted: summary.excepted ?? 0, score_with_exceptions: summary.score_with_exceptions ?? null,
        trusted: summary.coverage?.trusted ?? null, automated: summary.coverage?.automated ?? null,
        oldest_data_at: summary.oldest_data_at ? new Date(summary.oldest_data_at) : null,
      })
      .where('id', '=', scanId)
      .execute();
  });
}

/** The evaluation crashed: keep the scan row (with why) and drop the partial findings. */
export async function failScan(db: Database, scanId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await db.write(async (tx) => {
    await deleteScanFindings(tx, '(?)', [scanId]);
    await kyselyOf(tx).updateTable('scans').set({ status: 'failed', finished_at: sql<string>`now()`, error_message: message }).where('id', '=', scanId).execute();
  });
}

/** The id of the latest complete scan of a benchmark, or null. */
export async function latestScanId(db: Database, benchmarkId: string): Promise<string | null> {
  return (await latestScan(db, benchmarkId))?.id ?? null;
}

export interface ReportFilters {
  /** Keep only controls with these statuses. */
  status?: Status | readonly Status[];
  severity?: Severity | readonly Severity[];
  /** Exact section name, e.g. "Logging". */
  section?: string;
  /** Keep only these requirement ids. */
  controls?: readonly string[];
  /** Keep only findings (resources) of this account / region; counts stay those of the scan. */
  account?: string;
  region?: string;
  /** Put each finding's evidence columns on its resource (off by default: the JSON contract has four fields). */
  evidence?: boolean;
}

const asList = <T,>(v: T | readonly T[] | undefined): readonly T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v as T]);

/**
 * A stored scan as the ScanReport contract, controls in benchmark order. Filters narrow the controls and their
 * resources; the summary always describes the whole scan. Null when the scan does not exist.
 */
export async function loadScanReport(db: Database, scanId: string, filters: ReportFilters = {}): Promise<ScanReport | null> {
  const scan = await db.one<{
    id: string; benchmark_id: string; benchmark_title: string; benchmark_version: string; started_at: string; finished_at: string | null;
    report_id: string | null; summary: string | null; status: string;
  }>('SELECT id, benchmark_id, benchmark_title, benchmark_version, started_at, finished_at, report_id, CAST(summary AS VARCHAR) AS summary, status FROM scans WHERE id = ?', [scanId]);
  if (!scan) return null;

  // The engine writes every column a ControlReport needs (title, section, reason); the kinds are its own values.
  const rows = (await controlResults(db, scanId)) as Array<
    ControlRow & { title: string; section: string; reason: string; assessment: Requirement['assessment'] | null; severity: Severity | null; status: Status }
  >;

  const statuses = asList(filters.status);
  const severities = asList(filters.severity);
  const controls: ControlReport[] = rows
    .filter((r) => (!statuses || statuses.includes(r.status)) && (!severities || (r.severity !== null && severities.includes(r.severity))))
    .filter((r) => (!filters.section || r.section === filters.section) && (!filters.controls || filters.controls.includes(r.control_id)))
    .map((r) => ({
      id: r.control_id, title: r.title, section: r.section, ...(r.level === null ? {} : { level: Number(r.level) }), ...(r.assessment ? { assessment: r.assessment } : {}), severity: r.severity, status: r.status, reason: r.reason,
      affected_count: r.affected_count, evaluated_count: r.evaluated_count ?? 0, resources: [],
    }));

  const byId = new Map(controls.map((c) => [c.id, c]));
  if (byId.size > 0) {
    const conn = await db.connect();
    try {
      const where: string[] = ['scan_id = $1'];
      const params: string[] = [scanId];
      if (filters.account) (params.push(filters.account), where.push(`account_id = $${params.length}`));
      if (filters.region) (params.push(filters.region), where.push(`region = $${params.length}`));
      const groups = await readFindingGroups(conn, { from: 'findings', key: 'control_id', where: where.join(' AND '), params, evidence: filters.evidence });
      const excepted = await exceptedFindings(db, scanId);
      for (const [controlId, findings] of groups) {
        const c = byId.get(controlId);
        if (c) c.resources = excepted.size ? findings.map((f) => withException(f, excepted.get(findingKey(controlId, f)))) : findings;
      }
    } finally {
      conn.closeSync();
    }
  }

  const summary = scan.summary ? (JSON.parse(scan.summary) as ScanSummary) : emptySummary();
  return {
    benchmark: { id: scan.benchmark_id, title: scan.benchmark_title, version: scan.benchmark_version },
    scan: { id: scan.id, started_at: scan.started_at, finished_at: scan.finished_at, report_id: scan.report_id },
    summary,
    controls,
  };
}

function emptySummary(): ScanSummary {
  return { score: null, pass: 0, fail: 0, skip: 0, error: 0, manual: 0, critical_failed: 0, high_failed: 0, trend: null, sections: [] };
}

const findingKey = (controlId: string, f: { account_id: string; region: string; resource_id: string }) => `${controlId}\u0000${f.account_id}\u0000${f.region}\u0000${f.resource_id}`;

const withException = <T extends object>(f: T, exceptionId: string | undefined): T => (exceptionId ? { ...f, exception_id: exceptionId } : f);

/** Which exception accepted which finding when the scan ran (excepted_findings), keyed by requirement and resource. */
async function exceptedFindings(db: Database, scanId: string): Promise<Map<string, string>> {
  const rows = await kyselyOf(db).selectFrom('excepted_findings').select(['control_id', 'account_id', 'region', 'resource_id', 'exception_id']).where('scan_id', '=', scanId).execute();
  return new Map(rows.map((r) => [findingKey(r.control_id, { account_id: r.account_id ?? '', region: r.region ?? '', resource_id: r.resource_id ?? '' }), r.exception_id]));
}
