import type { Database } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';
import type { Scan } from '../schema/scans.js';
import { reportUrl } from './report-url.js';

/** A requirement that had a trustworthy verdict in the previous scan and is ERROR now. */
export interface DarkRequirement {
  id: string;
  title: string | null;
  severity: string | null;
  /** Its status in the previous scan. */
  was: 'PASS' | 'FAIL';
  /** Why it is ERROR now: the engine's reason (names the table, scope and sync error). */
  reason: string | null;
}

export interface SyncErrorLine {
  account_id: string | null;
  region: string | null;
  service: string;
  operation: string;
  error_code: string | null;
  message: string | null;
}

export interface VisibilityLossAlert {
  /** Human-readable summary; as the top-level `text` field, the body is also a valid Slack or Teams incoming-webhook message. */
  text: string;
  event: 'visibility_lost';
  benchmark: { id: string; title: string | null; version: string | null };
  scan_id: string;
  previous_scan_id: string | null;
  /** Scores of both scans (PASS / (PASS + FAIL + ERROR)), for context; null when undefined or no previous scan. */
  old_score: number | null;
  new_score: number | null;
  report_url: string | null;
  /** Automated requirements with a trustworthy verdict (PASS, FAIL or SKIP) in the new scan, of all automated ones. */
  coverage: { trusted: number; automated: number } | null;
  went_dark: DarkRequirement[];
  /** The sync that ran before this scan recorded errors: how many, and the first few. Null when it did not. */
  sync_errors: { run_id: string; count: number; errors: SyncErrorLine[] } | null;
  schedule: { id: string; name: string } | null;
}

const listed = 20;

/**
 * The alert for lost visibility, or null when none was lost: requirements that were PASS or FAIL in `previous`
 * and are ERROR in `scan`, and the errors the sync before the scan recorded (`syncRunId`, when the run synced
 * first). A score can hold still while data goes dark (an ERROR counts like a FAIL), so this alert does not
 * depend on the score at all.
 */
export async function visibilityLossAlert(
  db: Database,
  scan: Scan,
  previous: Scan | undefined,
  context: { publicUrl?: string; schedule?: { id: string; name: string } | null; syncRunId?: string | null; syncErrorCount?: number },
): Promise<VisibilityLossAlert | null> {
  const dark: DarkRequirement[] = previous
    ? await kyselyOf(db)
        .selectFrom('control_results as n')
        .innerJoin('control_results as p', (j) => j.onRef('p.control_id', '=', 'n.control_id').on('p.scan_id', '=', previous.id))
        .select(['n.control_id as id', 'n.title', 'n.severity', 'p.status as was', 'n.reason'])
        .where('n.scan_id', '=', scan.id)
        .where('n.status', '=', 'ERROR')
        .where('p.status', 'in', ['PASS', 'FAIL'])
        .orderBy('n.position')
        .$narrowType<{ was: DarkRequirement['was'] }>()
        .execute()
    : [];
  const recorded = context.syncRunId ? await syncErrorsOf(db, context.syncRunId) : null;
  // A sync that reported errors it could not record (or a sync without a run id) still lost data.
  const syncErrors = recorded ?? (context.syncErrorCount ? { run_id: context.syncRunId ?? '', count: context.syncErrorCount, errors: [] } : null);
  if (dark.length === 0 && !syncErrors) return null;

  const url = reportUrl(context.publicUrl, scan.id);
  const name = scan.benchmark_title ?? scan.benchmark_id;
  const coverage = scan.trusted === null || scan.automated === null ? null : { trusted: scan.trusted, automated: scan.automated };
  const facts = [
    scan.score === null ? null : `score ${scan.score.toFixed(1)}%`,
    coverage ? `coverage ${coverage.trusted}/${coverage.automated} automated requirements trustworthy` : null,
  ].filter((f) => f !== null);
  const parts = [`Calabi: visibility lost on ${name}${facts.length ? ` (${facts.join(', ')})` : ''}.`];
  if (dark.length) {
    const lines = dark.slice(0, 10).map((r) => `• ${r.id} ${r.title ?? ''}${r.severity ? ` (${r.severity})` : ''}: was ${r.was}, now ERROR — ${clip(r.reason ?? 'no reason recorded', 300)}`);
    parts.push(`Requirements that went dark (${dark.length}):\n${lines.join('\n')}${dark.length > 10 ? `\n… and ${dark.length - 10} more` : ''}`);
  }
  if (syncErrors) {
    const lines = syncErrors.errors.slice(0, 5).map((e) => `• ${e.account_id ?? '-'}/${e.region ?? '-'} ${e.service} ${e.operation}: ${e.error_code ?? 'error'}${e.message ? ` — ${clip(e.message, 200)}` : ''}`);
    parts.push(`The sync before this scan recorded ${syncErrors.count} error(s):\n${lines.join('\n')}${syncErrors.count > 5 ? `\n… and ${syncErrors.count - 5} more (SELECT * FROM sync_errors WHERE run_id = '${syncErrors.run_id}')` : ''}`);
  }
  parts.push(url ? `Report: ${url}` : `Scan: ${scan.id}`);
  return {
    text: parts.join('\n'),
    event: 'visibility_lost',
    benchmark: { id: scan.benchmark_id, title: scan.benchmark_title, version: scan.benchmark_version },
    scan_id: scan.id,
    previous_scan_id: previous?.id ?? null,
    old_score: previous?.score ?? null,
    new_score: scan.score,
    report_url: url,
    coverage,
    went_dark: dark,
    sync_errors: syncErrors,
    schedule: context.schedule ?? null,
  };
}

async function syncErrorsOf(db: Database, runId: string): Promise<VisibilityLossAlert['sync_errors']> {
  const ofRun = kyselyOf(db).selectFrom('sync_errors').where('run_id', '=', runId);
  const { count } = await ofRun.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  if (count === 0) return null;
  const errors: SyncErrorLine[] = await ofRun
    .select(['account_id', 'region', 'service', 'operation', 'error_code', 'message'])
    .orderBy('occurred_at')
    .orderBy('service')
    .orderBy('operation')
    .orderBy('account_id')
    .orderBy('region')
    .limit(listed)
    .execute();
  return { run_id: runId, count, errors };
}

function clip(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}
