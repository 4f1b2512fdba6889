import type { Selectable } from 'kysely';
import { kyselyOf, type SqlExecutor } from './kysely.js';
import type { DB } from './own-tables.js';

/**
 * The one model of a stored scan, for every reader: the engine (controls/), exports and drift (reports/), alerts
 * (scheduler/), the API and the CLI. It lives in schema/ because the engine, which writes scans and stores the
 * trend, sits below every other reader.
 */

/** The columns a scan is read with: everything but the summary JSON (its own read) and the owning process. */
export const scanColumns = [
  'id', 'benchmark_id', 'benchmark_title', 'benchmark_version', 'started_at', 'finished_at', 'status', 'trigger', 'sync_run_id',
  'score', 'pass', 'fail', 'skip', 'error', 'manual', 'critical_failed', 'high_failed', 'report_id', 'error_message',
  'trusted', 'automated', 'oldest_data_at',
  // aws or terraform (`calabi iac --save`), and the IaC columns: NULL on live scans.
  'source', 'not_verifiable', 'verifiable_score', 'overall_score',
  // Migration 60: EXCEPTED requirements and the score counting them as passing (NULL on scans stored before).
  'excepted', 'score_with_exceptions',
] as const satisfies ReadonlyArray<keyof DB['scans']>;

/**
 * One `scans` row as stored. The counts are NULL until the scan completes (a running or failed scan has none);
 * `trusted`/`automated` are NULL on scans stored before migration 10, `oldest_data_at` when nothing was recorded.
 */
export type Scan = Pick<Selectable<DB['scans']>, (typeof scanColumns)[number]>;

/** A scan reference that matched no scan, or several; `hint` says what to do. */
export class ScanNotFoundError extends Error {
  constructor(readonly ref: string, hint = 'List scans with `calabi query "SELECT id, benchmark_id, started_at FROM scans ORDER BY started_at DESC"`.') {
    super(`[reports] no scan '${ref}'. ${hint}`);
    this.name = 'ScanNotFoundError';
  }
}

const scans = (q: SqlExecutor) => kyselyOf(q).selectFrom('scans').select(scanColumns);

export async function scanById(q: SqlExecutor, id: string): Promise<Scan | undefined> {
  return scans(q).where('id', '=', id).executeTakeFirst();
}

/** The newest complete scan (of one benchmark, or of any). */
export async function latestScan(q: SqlExecutor, benchmarkId?: string): Promise<Scan | undefined> {
  let query = scans(q).where('status', '=', 'complete');
  if (benchmarkId !== undefined) query = query.where('benchmark_id', '=', benchmarkId);
  return query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Scan history, newest first (all benchmarks, or one). */
export async function listScans(q: SqlExecutor, options: { benchmarkId?: string; limit?: number } = {}): Promise<Scan[]> {
  let query = scans(q);
  if (options.benchmarkId !== undefined) query = query.where('benchmark_id', '=', options.benchmarkId);
  return query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(Math.max(1, Math.floor(options.limit ?? 50))).execute();
}

export interface LatestOfBenchmark {
  benchmark_id: string;
  id: string;
  score: number | null;
  finished_at: string | null;
  /** Complete scans of the benchmark. */
  scans: number;
}

/**
 * The latest complete scan of each benchmark (the same order as latestScan), with `complete_scans`, as SQL for
 * statements that need it inside them (retention never prunes these). Stays SQL: a window per benchmark in one pass,
 * which Kysely would only wrap in sql`` fragments.
 */
export const latestOfEachBenchmarkSql = `SELECT *, count(*) OVER (PARTITION BY benchmark_id) AS complete_scans FROM scans WHERE status = 'complete'
  QUALIFY row_number() OVER (PARTITION BY benchmark_id ORDER BY started_at DESC, id DESC) = 1`;

/** The latest complete scan of every benchmark and how many complete scans it has. */
export async function latestOfEachBenchmark(q: SqlExecutor): Promise<Map<string, LatestOfBenchmark>> {
  const rows = await q.all<LatestOfBenchmark>(`SELECT benchmark_id, id, score, finished_at, complete_scans AS scans FROM (${latestOfEachBenchmarkSql})`);
  return new Map(rows.map((r) => [r.benchmark_id, r]));
}

/**
 * Resolves `latest` (the newest complete scan, optionally of one benchmark), a full scan id, or a unique prefix of
 * one, so a user can paste the short id the page shows.
 */
export async function resolveScan(q: SqlExecutor, ref: string, benchmarkId?: string): Promise<Scan> {
  if (ref === 'latest') {
    const row = await latestScan(q, benchmarkId);
    if (!row) {
      throw new ScanNotFoundError(
        'latest' + (benchmarkId ? ` of ${benchmarkId}` : ''),
        `Run \`calabi evaluate ${benchmarkId ?? '<benchmark>'}\` (or \`calabi run\`) first.`,
      );
    }
    return row;
  }
  const rows = await scans(q)
    .where((eb) => eb.or([eb('id', '=', ref), eb.fn<boolean>('starts_with', ['id', eb.val(ref)])]))
    .orderBy('id')
    .limit(3)
    .execute();
  const exact = rows.find((r) => r.id === ref);
  if (exact) return exact;
  if (rows.length === 1) return rows[0]!;
  if (rows.length > 1) throw new ScanNotFoundError(ref, 'The prefix matches several scans: give more characters of the id.');
  throw new ScanNotFoundError(ref);
}

/**
 * "The previous scan", the one definition every surface uses: the complete scan of the same benchmark that comes
 * last before `scanId` in start order, ties broken by id. The trend stored with a scan (controls/engine.ts), the
 * trend on the page (api), the trend series (reports/trend.ts, the same order as a window) and the alerts
 * (scheduler/job.ts) all compare against it. Undefined when there is none (or `scanId` does not exist).
 */
export async function previousScan(q: SqlExecutor, scanId: string): Promise<Scan | undefined> {
  return kyselyOf(q)
    .selectFrom('scans as p')
    .innerJoin('scans as me', 'me.benchmark_id', 'p.benchmark_id')
    .select(scanColumns.map((c) => `p.${c}` as const))
    .where('me.id', '=', scanId)
    .where('p.status', '=', 'complete')
    .where((eb) => eb.or([eb('p.started_at', '<', eb.ref('me.started_at')), eb.and([eb('p.started_at', '=', eb.ref('me.started_at')), eb('p.id', '<', eb.ref('me.id'))])]))
    .orderBy('p.started_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
