import { scoreFormula } from '../controls/score.js';
import type { Benchmark, Check, CheckMeta, Requirement, Severity, Status } from '../controls/types.js';
import { benchmarksInOrder } from '../controls/benchmarks.js';
import { requirementsByCheck } from '../controls/requirements-of-check.js';
import type { CheckVerdict } from '../controls/status.js';
import { findBenchmark as findInCatalog, UnknownBenchmarkError } from '../controls/engine.js';
import type { Catalog, LoadedBenchmark } from '../controls/loader.js';
import { ApiError, badRequest, notFound } from './errors.js';
import { iacSummary, unverifiableResources } from './iac-summary.js';
import { Lru, type Reader } from './read-pool.js';
import { controlResults, type ControlRow } from '../schema/control-results.js';
import { kyselyOf } from '../schema/kysely.js';
import { latestOfEachBenchmark, latestScan, previousScan, scanById, type Scan } from '../schema/scans.js';

/**
 * Reads scans, control_results and findings (written by the engine) into the shapes the API serves. The rows come
 * from the one scans model (schema/scans.ts, schema/control-results.ts); this file adds what only the API needs:
 * its 404s, the report summary with its trend, the control table's filters and the cache.
 */

/** A requirement's row in the report's control table: the stored control result, named for the API, with its first documentation link. */
export type ReportControl = Omit<ControlRow, 'control_id' | 'severity' | 'status'> & {
  id: string;
  severity: Severity | null;
  status: Status | 'NOT VERIFIABLE';
  remediation_link: string | null;
};

export const statuses: ReadonlyArray<Status | 'NOT VERIFIABLE'> = ['FAIL', 'ERROR', 'NOT VERIFIABLE', 'EXCEPTED', 'MANUAL', 'SKIP', 'PASS'];
export const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
export const sortKeys = ['id', 'title', 'section', 'severity', 'status', 'affected'] as const;

/** The catalogue's findBenchmark (controls/engine.ts), an unknown id answered as the API's 404. */
export function findBenchmark(catalog: Catalog, id: string): LoadedBenchmark {
  try {
    return findInCatalog(catalog, id);
  } catch (error) {
    if (error instanceof UnknownBenchmarkError) throw notFound('benchmark', id);
    throw error;
  }
}

export async function listBenchmarks(db: Reader, catalog: Catalog) {
  const byId = await latestOfEachBenchmark(db);
  return benchmarksInOrder(catalog).map((b) => {
    const l = byId.get(b.id);
    return {
      id: b.id,
      title: b.title,
      version: b.version,
      requirements: b.requirements.length,
      automated: b.requirements.filter((r) => r.assessment === 'Automated').length,
      latest_scan_id: l?.id ?? null,
      latest_score: l?.score ?? null,
      last_scan_at: l?.finished_at ?? null,
      scans: l?.scans ?? 0,
    };
  });
}

export async function getScan(db: Reader, id: string): Promise<Scan> {
  const row = await scanById(db, id);
  if (!row) throw notFound('scan', id);
  return row;
}

/** The scan a report shows: the one asked for (which must belong to the benchmark), else the latest complete one. */
export async function reportScan(db: Reader, benchmarkId: string, scanId: string | undefined): Promise<Scan> {
  if (scanId !== undefined) {
    const scan = await getScan(db, scanId);
    if (scan.benchmark_id !== benchmarkId) throw notFound(`scan of benchmark ${benchmarkId}`, scanId);
    return scan;
  }
  const row = await latestScan(db, benchmarkId);
  if (!row) {
    throw new ApiError({ status: 404, code: 'not_found', message: `benchmark ${benchmarkId} has no completed scan yet: start one with POST /api/scans or \`calabi scan ${benchmarkId}\`` });
  }
  return row;
}

export async function summaryOf(db: Reader, scan: Scan) {
  const previous = await previousScan(db, scan.id);
  const trend = previous && previous.score !== null && scan.score !== null ? round(scan.score - previous.score) : null;
  return {
    score: scan.score,
    score_formula: scoreFormula,
    coverage: scan.trusted === null || scan.automated === null ? null : { trusted: scan.trusted, automated: scan.automated },
    oldest_data_at: scan.oldest_data_at,
    pass: scan.pass ?? 0,
    fail: scan.fail ?? 0,
    skip: scan.skip ?? 0,
    error: scan.error ?? 0,
    manual: scan.manual ?? 0,
    // Scans stored before exceptions existed have NULL here: nothing was excepted, both scores are the same.
    excepted: scan.excepted ?? 0,
    score_with_exceptions: scan.excepted ? scan.score_with_exceptions : scan.score,
    critical_failed: scan.critical_failed ?? 0,
    high_failed: scan.high_failed ?? 0,
    last_scan_at: scan.finished_at ?? scan.started_at,
    trend,
    previous_scan: previous ? { id: previous.id, score: previous.score, finished_at: previous.finished_at } : null,
    ...(await iacSummary(db, scan)),
  };
}

export async function controlRows(db: Reader, catalog: Catalog, scanId: string): Promise<ReportControl[]> {
  return (await controlResults(db, scanId)).map(({ control_id, ...r }) => ({
    id: control_id,
    ...r,
    severity: r.severity as Severity | null,
    status: r.status as Status,
    remediation_link: firstLink(catalog, r.check_ids),
  }));
}

export interface ReportQuery {
  status?: string;
  severity?: string;
  section?: string;
  sort?: string;
}

/** Filters and sorts the control table; unknown values are a 400 that names the parameter. */
export function filterControls(rows: ReportControl[], q: ReportQuery): ReportControl[] {
  const wantStatus = parseList(q.status, 'status', statuses, (s) => s.toUpperCase().replace(/_/g, ' '));
  const wantSeverity = parseList(q.severity, 'severity', severities, (s) => s.toLowerCase());
  const section = q.section?.trim().toLowerCase();
  let out = rows.filter(
    (r) =>
      (!wantStatus || wantStatus.has(r.status)) &&
      (!wantSeverity || (r.severity !== null && wantSeverity.has(r.severity))) &&
      (!section || (r.section ?? '').toLowerCase().startsWith(section)),
  );
  if (q.sort) {
    const desc = q.sort.startsWith('-');
    const key = q.sort.replace(/^[-+]/, '');
    if (!(sortKeys as readonly string[]).includes(key)) {
      throw badRequest('sort', `'${q.sort}' is not a sort key; use one of ${sortKeys.join(', ')} (prefix - for descending)`);
    }
    const rank = (r: ReportControl): number | string => {
      switch (key) {
        case 'title': return r.title ?? '';
        case 'section': return `${r.section ?? ''}\u0000${String(r.position).padStart(5, '0')}`;
        case 'severity': return r.severity === null ? 9 : severities.indexOf(r.severity);
        case 'status': return statuses.indexOf(r.status);
        case 'affected': return r.affected_count;
        default: return r.position;
      }
    };
    out = [...out].sort((a, b) => {
      const x = rank(a), y = rank(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (desc ? -c : c) || a.position - b.position;
    });
  }
  return out;
}

function parseList<T extends string>(value: string | undefined, field: string, allowed: readonly T[], norm: (s: string) => string): Set<T> | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const items = value.split(',').map((s) => norm(s.trim())).filter(Boolean);
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length) throw badRequest(field, `'${bad.join(',')}' is not one of ${allowed.join(', ')}`);
  return new Set(items as T[]);
}

export async function controlDetail(db: Reader, catalog: Catalog, benchmark: Benchmark, scan: Scan, controlId: string, limit: number) {
  const requirement = benchmark.requirements.find((r) => r.id === controlId);
  const rows = await controlRows(db, catalog, scan.id);
  const row = rows.find((r) => r.id === controlId);
  if (!row && !requirement) throw notFound(`control in ${benchmark.id}`, controlId);
  const checkIds = row?.check_ids ?? requirement?.checks ?? [];
  const checks = checkIds.map((id) => catalog.checks.get(id)).filter((c): c is Check => c !== undefined);
  const findings = kyselyOf(db).selectFrom('findings').where('scan_id', '=', scan.id).where('control_id', '=', controlId);
  const { total } = await findings.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const verdicts = await checkVerdicts(db, scan.id, controlId, row?.error ?? null, checkIds);
  const resources = await findings
    .select(['check_id', 'resource_id', 'account_id', 'region', 'reason', 'evidence'])
    .orderBy('account_id')
    .orderBy('region')
    .orderBy('resource_id')
    .limit(limit)
    .execute();
  return {
    benchmark: { id: benchmark.id, title: benchmark.title, version: benchmark.version },
    scan: { id: scan.id, started_at: scan.started_at, finished_at: scan.finished_at },
    control: {
      id: controlId,
      title: row?.title ?? requirement?.title ?? null,
      section: row?.section ?? requirement?.section ?? null,
      level: row?.level ?? (requirement?.level !== undefined ? String(requirement.level) : null),
      assessment: row?.assessment ?? requirement?.assessment ?? null,
      severity: row?.severity ?? null,
      status: row?.status ?? null,
      reason: row?.reason ?? null,
      error: row?.error ?? null,
      affected_count: row?.affected_count ?? Number(total),
      evaluated_count: row?.evaluated_count ?? null,
      description: describe(requirement, checks),
      rationale: checks.map((c) => c.rationale).filter(Boolean).join('\n\n') || null,
      remediation: checks.flatMap((c) => c.remediation),
      links: [...new Set(checks.flatMap((c) => c.links))],
      evidence_needed: requirement?.evidence ?? null,
      attributes: requirement?.attributes ?? null,
      checks: checks.map((c) => ({
        id: c.id, title: c.title, severity: c.severity, service: c.service, tables: c.tables,
        ...verdicts(c.id),
        // Every requirement of every benchmark this check decides: its findings fail all of them.
        requirements: (requirementsByCheck(catalog).get(c.id) ?? []).map((r) => ({ benchmark_id: r.benchmark_id, benchmark_title: r.benchmark_title, id: r.requirement_id })),
      })),
    },
    resources: await withExceptions(db, scan.id, controlId, resources.map((r) => ({ ...r, evidence: parseEvidence(r.evidence) }))),
    resources_total: Number(total),
    resources_truncated: Number(total) > resources.length,
    not_verifiable: await unverifiableResources(db, scan.id, controlId, limit),
  };
}

/**
 * Each check's own verdict within the requirement and how many findings it returned: stored with the control since
 * migration 100; for a scan stored before, FAIL where the check returned findings, ERROR where the control's error
 * names it, and null (not recorded) otherwise, never a PASS the scan did not record.
 */
async function checkVerdicts(db: Reader, scanId: string, controlId: string, controlError: string | null, checkIds: readonly string[]) {
  const q = kyselyOf(db);
  const stored = await q.selectFrom('control_results').select('check_results').where('scan_id', '=', scanId).where('control_id', '=', controlId).executeTakeFirst();
  const counts = await q.selectFrom('findings').select(['check_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('scan_id', '=', scanId).where('control_id', '=', controlId).groupBy('check_id').execute();
  const found = new Map(counts.map((r) => [r.check_id, Number(r.n)]));
  const recorded = new Map((stored?.check_results ? (JSON.parse(stored.check_results) as CheckVerdict[]) : []).map((v) => [v.check_id, v]));
  return (id: string) => {
    const findings_total = found.get(id) ?? 0;
    const v = recorded.get(id);
    if (v) return { status: v.status, affected_count: v.affected_count, evaluated_count: v.evaluated_count, error: v.error, findings_total };
    const named = controlError?.split('; ').find((part) => part.startsWith(`${id}: `)) ?? null;
    const status = findings_total > 0 ? ('FAIL' as const) : named ? ('ERROR' as const) : null;
    return { status, affected_count: findings_total, evaluated_count: null, error: named, findings_total };
  };
}

function describe(requirement: Requirement | undefined, checks: CheckMeta[]): string | null {
  const parts = checks.map((c) => c.description).filter(Boolean);
  if (parts.length) return parts.join('\n\n');
  return requirement?.evidence ?? null;
}

function parseEvidence(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { value: text }; // evidence written as plain text: keep it, labelled
  }
}

function firstLink(catalog: Catalog, checkIds: string[]): string | null {
  for (const id of checkIds) {
    const link = catalog.checks.get(id)?.links[0];
    if (link) return link;
  }
  return null;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

type Summary = Awaited<ReturnType<typeof summaryOf>>;
type Detail = Awaited<ReturnType<typeof controlDetail>>;

/**
 * Report reads with a cache for finished scans: their results never change, so the control table, summary and
 * control details are read once. The only query left on the report's hot path is "which scan is the latest".
 */
export class ReportReader {
  private readonly controls = new Lru<string, ReportControl[]>(16);
  private readonly summaries = new Lru<string, Summary>(16);
  // Serialised responses: reports are ~40 KB, control details up to a few hundred KB (1,000 resources).
  private readonly bodies = new Lru<string, string>(64);
  private readonly finished = new Lru<string, Scan>(64);
  private readonly latest = new Map<string, { scan: Scan; at: number }>();

  /**
   * `latestTtlMs`: how long "the latest scan of a benchmark" is reused without asking the database. Scans this
   * server runs invalidate it at once (invalidate()); a scan written by other code in the process shows up
   * within this time.
   */
  constructor(readonly db: Reader, readonly catalog: Catalog, private readonly latestTtlMs = 2000) {}

  /** Forget which scan is the latest (call after writing a scan). Finished scans' contents stay cached. */
  invalidate(): void {
    this.latest.clear();
  }

  /** The scan a report shows: `scanId` (cached once finished), else the latest completed scan of the benchmark. */
  async resolve(benchmarkId: string, scanId: string | undefined): Promise<Scan> {
    if (scanId !== undefined) {
      const hit = this.finished.get(scanId);
      if (hit && hit.benchmark_id === benchmarkId) return hit;
      const scan = await reportScan(this.db, benchmarkId, scanId);
      if (scan.status !== 'running') this.finished.set(scan.id, scan);
      return scan;
    }
    const cached = this.latest.get(benchmarkId);
    if (cached && Date.now() - cached.at < this.latestTtlMs) return cached.scan;
    const scan = await reportScan(this.db, benchmarkId, undefined);
    this.latest.set(benchmarkId, { scan, at: Date.now() });
    return scan;
  }

  /** The serialised response for a finished scan, built once per distinct request. */
  async body(scan: Scan, key: string, build: () => Promise<unknown>): Promise<string> {
    if (scan.status === 'running') return JSON.stringify(await build());
    return this.bodies.getOrLoad(`${scan.id}\u0000${key}`, async () => JSON.stringify(await build()));
  }

  controlRows(scan: Scan): Promise<ReportControl[]> {
    if (scan.status === 'running') return controlRows(this.db, this.catalog, scan.id);
    return this.controls.getOrLoad(scan.id, () => controlRows(this.db, this.catalog, scan.id));
  }

  summary(scan: Scan): Promise<Summary> {
    if (scan.status === 'running') return summaryOf(this.db, scan);
    return this.summaries.getOrLoad(scan.id, () => summaryOf(this.db, scan));
  }

  /** Not cached by itself: the route caches its serialised body. */
  detail(benchmark: Benchmark, scan: Scan, controlId: string, limit: number): Promise<Detail> {
    return controlDetail(this.db, this.catalog, benchmark, scan, controlId, limit);
  }
}

/** Each finding with the exception that accepted it when the scan ran (excepted_findings), or null. */
async function withExceptions<T extends { check_id: string; resource_id: string | null; account_id: string | null; region: string | null }>(
  db: Reader, scanId: string, controlId: string, resources: T[],
): Promise<Array<T & { exception_id: string | null }>> {
  const key = (r: { check_id: string; resource_id: string | null; account_id: string | null; region: string | null }) => JSON.stringify([r.check_id, r.account_id, r.region, r.resource_id]);
  const rows = await kyselyOf(db).selectFrom('excepted_findings').select(['check_id', 'resource_id', 'account_id', 'region', 'exception_id']).where('scan_id', '=', scanId).where('control_id', '=', controlId).execute();
  const by = new Map(rows.map((r) => [key(r), r.exception_id]));
  return resources.map((r) => ({ ...r, exception_id: by.get(key(r)) ?? null }));
}
