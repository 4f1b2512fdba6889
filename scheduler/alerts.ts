import { randomUUID } from 'node:crypto';
import type { Database } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';
import { diffScans } from '../reports/diff.js';
import type { Scan } from '../schema/scans.js';
import { listChannels } from './channels.js';
import { reportUrl } from './report-url.js';
import type { VisibilityLossAlert } from './visibility.js';
import type { ExceptionsExpiringAlert } from './exceptions-expiring.js';
import { deliver, type DeliveryOptions, type DeliveryResult } from './webhook.js';

export interface ScoreDropAlert {
  /** Human-readable summary; as the top-level `text` field, the body is also a valid Slack or Teams incoming-webhook message. */
  text: string;
  event: 'score_drop';
  benchmark: { id: string; title: string | null; version: string | null };
  old_score: number;
  new_score: number;
  /** Points lost (old − new). */
  drop: number;
  threshold: number;
  scan_id: string;
  previous_scan_id: string;
  report_url: string | null;
  newly_failing: Array<{ id: string; title: string | null; severity: string | null; affected_count: number }>;
  schedule: { id: string; name: string } | null;
}


/**
 * The alert for a score drop of more than `threshold` points from `previous` to `scan`, or null when the score did
 * not drop that far (or either score is undefined: nothing was PASS or FAIL).
 */
export async function scoreDropAlert(
  db: Database,
  scan: Scan,
  previous: Scan | undefined,
  threshold: number,
  context: { publicUrl?: string; schedule?: { id: string; name: string } | null },
): Promise<ScoreDropAlert | null> {
  if (!previous || previous.score === null || scan.score === null) return null;
  const drop = previous.score - scan.score;
  if (!(drop > threshold)) return null;
  const diff = await diffScans(db, previous.id, scan.id, { limit: 0 });
  const newly = diff.requirements.newly_failing.map((r) => ({ id: r.id, title: r.title, severity: r.severity, affected_count: r.affected_after }));
  const url = reportUrl(context.publicUrl, scan.id);
  const name = scan.benchmark_title ?? scan.benchmark_id;
  const list = newly.slice(0, 10).map((r) => `• ${r.id} ${r.title ?? ''}${r.severity ? ` (${r.severity})` : ''}, ${r.affected_count} resource(s)`);
  const text = [
    `Calabi: ${name} score dropped from ${fmt(previous.score)}% to ${fmt(scan.score)}% (−${fmt(drop)} points, alert threshold ${fmt(threshold)}).`,
    newly.length ? `Newly failing requirements (${newly.length}):\n${list.join('\n')}${newly.length > 10 ? `\n… and ${newly.length - 10} more` : ''}` : 'No requirement newly failing; more requirements are in ERROR or fewer pass.',
    url ? `Report: ${url}` : `Scan: ${scan.id}`,
  ].join('\n');
  return {
    text,
    event: 'score_drop',
    benchmark: { id: scan.benchmark_id, title: scan.benchmark_title, version: scan.benchmark_version },
    old_score: round(previous.score),
    new_score: round(scan.score),
    drop: round(drop),
    threshold,
    scan_id: scan.id,
    previous_scan_id: previous.id,
    report_url: url,
    newly_failing: newly,
    schedule: context.schedule ?? null,
  };
}

/** Every alert Calabi sends; `event` tells them apart. */
export type Alert = ScoreDropAlert | VisibilityLossAlert | ExceptionsExpiringAlert;

/** Records the alert and delivers it to the given channels (every enabled one when `channelIds` is null). */
export async function sendAlert(
  db: Database,
  alert: Alert,
  channelIds: readonly string[] | null,
  now: Date,
  options: DeliveryOptions = {},
): Promise<{ alertId: string; deliveries: DeliveryResult[] }> {
  const alertId = randomUUID();
  const row = {
    id: alertId, created_at: now, benchmark_id: alert.benchmark.id, scan_id: alert.scan_id, previous_scan_id: alert.previous_scan_id,
    schedule_id: alert.schedule?.id ?? null, old_score: alert.old_score, new_score: alert.new_score, payload: JSON.stringify(alert),
  };
  await db.write((tx) => kyselyOf(tx).insertInto('alerts').values(row).execute());
  const channels = (await listChannels(db)).filter((c) => c.enabled && (channelIds === null || channelIds.includes(c.id)));
  const deliveries = await Promise.all(channels.map((c) => deliver(db, c, alert, alertId, options)));
  return { alertId, deliveries };
}

function fmt(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
