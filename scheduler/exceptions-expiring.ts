import type { Database } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';
import type { Scan } from '../schema/scans.js';
import { scopeText } from '../reports/exceptions-data.js';
import { reportUrl } from './report-url.js';

/** Exceptions expiring within this many days are announced (dashboard: GET /api/exceptions `expires_soon`). */
export const expiringWithinDays = 14;

export interface ExpiringException {
  id: string;
  revision: number;
  scope: string;
  owner: string;
  expires_at: string;
  days_left: number;
}

export interface ExceptionsExpiringAlert {
  text: string;
  event: 'exceptions_expiring';
  benchmark: { id: string; title: string | null; version: string | null };
  scan_id: string;
  previous_scan_id: string | null;
  old_score: null;
  new_score: number | null;
  report_url: string | null;
  expiring: ExpiringException[];
  schedule: { id: string; name: string } | null;
}

/**
 * After a scheduled scan: the active exceptions that expire within 14 days, each announced once per revision (an
 * extended expiry is a new revision and is announced again when it too comes near). Null when there is none new.
 * When one expires, the next evaluation fails its requirement again (the headline score already counted it as FAIL,
 * so this announcement, not a score drop, is the warning).
 */
export async function exceptionsExpiringAlert(
  db: Database, scan: Scan, now: Date, context: { publicUrl?: string; schedule?: { id: string; name: string } | null },
): Promise<ExceptionsExpiringAlert | null> {
  const soon = await kyselyOf(db)
    .selectFrom('exceptions')
    .selectAll()
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .where('expires_at', '<=', new Date(now.getTime() + expiringWithinDays * 86_400_000).toISOString())
    .orderBy('expires_at')
    .execute();
  if (!soon.length) return null;
  const sent = new Set<string>();
  const earlier = await db.all<{ payload: string }>(`SELECT CAST(payload AS VARCHAR) AS payload FROM alerts WHERE payload->>'event' = 'exceptions_expiring'`);
  for (const a of earlier) for (const e of (JSON.parse(a.payload) as ExceptionsExpiringAlert).expiring) sent.add(`${e.id}:${e.revision}`);
  const expiring = soon
    .filter((e) => !sent.has(`${e.id}:${e.revision}`))
    .map((e) => ({ id: e.id, revision: e.revision, scope: scopeText(e), owner: e.owner, expires_at: e.expires_at, days_left: Math.ceil((new Date(e.expires_at).getTime() - now.getTime()) / 86_400_000) }));
  if (!expiring.length) return null;
  const url = reportUrl(context.publicUrl, scan.id);
  const text = [
    `Calabi: ${expiring.length} exception(s) expire within ${expiringWithinDays} days; their findings fail again at the first evaluation after expiry unless renewed.`,
    ...expiring.slice(0, 10).map((e) => `• ${e.scope} — owner ${e.owner}, expires ${e.expires_at.slice(0, 10)} (${e.days_left} day(s))`),
    ...(expiring.length > 10 ? [`… and ${expiring.length - 10} more`] : []),
    url ? `Report: ${url}` : `Scan: ${scan.id}`,
  ].join('\n');
  return {
    text, event: 'exceptions_expiring', benchmark: { id: scan.benchmark_id, title: scan.benchmark_title, version: scan.benchmark_version },
    scan_id: scan.id, previous_scan_id: null, old_score: null, new_score: scan.score, report_url: url, expiring, schedule: context.schedule ?? null,
  };
}
