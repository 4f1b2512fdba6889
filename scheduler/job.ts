import { evaluateBenchmark } from '../controls/engine.js';
import type { Logger } from '../lib/logger.js';
import type { Database } from '../schema/db.js';
import { previousScan, resolveScan } from '../schema/scans.js';
import { scoreDropAlert, sendAlert } from './alerts.js';
import { exceptionsExpiringAlert } from './exceptions-expiring.js';
import { systemClock, type Clock } from './clock.js';
import { visibilityLossAlert } from './visibility.js';
import { pruneHistory, type PruneResult } from './retention.js';
import { finishRun, startRun, type RunTrigger } from './runs.js';
import type { DeliveryOptions, DeliveryResult } from './webhook.js';

export interface SyncOutcome {
  runId: string;
  errors: readonly unknown[];
}

export interface JobDeps {
  db: Database;
  clock?: Clock;
  /** Syncs the inventory (for sync-first runs) with the server's or command's AWS settings. */
  sync?: () => Promise<SyncOutcome>;
  /** Evaluates a benchmark and returns the stored scan id; default: the compliance engine. */
  evaluate?: (input: { db: Database; benchmarkId: string; trigger: string; syncRunId: string | null }) => Promise<string>;
  /**
   * Sync (optionally) and evaluate in one step, e.g. through the server's shared scan runner so a scheduled run and
   * a "Run now" never evaluate at once. When given, `sync` and `evaluate` are not used.
   */
  scan?: (input: { benchmarkId: string; sync: boolean; trigger: string }) => Promise<{ scanId: string; syncRunId: string | null; syncErrors: number }>;
  /** Base URL of the page, for the report link in alerts. */
  publicUrl?: string;
  delivery?: DeliveryOptions;
  /** Prune history older than this after each run; undefined: do not prune here. */
  retentionDays?: number;
  logger?: Logger;
}

export interface JobInput {
  benchmarkId: string;
  syncFirst: boolean;
  alertThreshold: number | null;
  channelIds: string[] | null;
  schedule: { id: string; name: string } | null;
  trigger: RunTrigger;
  scheduledFor: Date | null;
}

export interface JobResult {
  runId: string;
  status: 'ok' | 'failed';
  scanId: string | null;
  syncRunId: string | null;
  syncErrors: number;
  score: number | null;
  previousScore: number | null;
  /** Requirements in ERROR in the new scan. */
  errorRequirements: number;
  /** Requirements that were PASS or FAIL in the previous scan and are ERROR now. */
  wentDark: number;
  /** The score-drop alert, when one was sent. */
  alertId: string | null;
  /** The visibility-loss alert (requirements went dark, or the sync recorded errors), when one was sent. */
  visibilityAlertId: string | null;
  deliveries: DeliveryResult[];
  pruned: PruneResult | null;
  error: string | null;
}

const defaultEvaluate: NonNullable<JobDeps['evaluate']> = async ({ db, benchmarkId, trigger, syncRunId }) =>
  (await evaluateBenchmark({ db, benchmarkId, trigger, syncRunId })).scan.id;

/**
 * One sync-and-evaluate run, recorded in schedule_runs from start to end: optionally sync, evaluate, compare with
 * the previous scan of the benchmark, alert the channels when the score dropped by more than the threshold and
 * (separately) when visibility was lost — a requirement went from PASS or FAIL to ERROR, or the sync recorded
 * errors —, prune old history. Alerts go out only for runs with a threshold (alerting on). The run's alert_id is
 * the score-drop alert, else the visibility one. A failure is recorded on the run and returned, not thrown.
 */
export async function runJob(deps: JobDeps, input: JobInput): Promise<JobResult> {
  const { db } = deps;
  const clock = deps.clock ?? systemClock;
  const log = deps.logger;
  const runId = await startRun(db, {
    schedule_id: input.schedule?.id ?? null, benchmark_id: input.benchmarkId, trigger: input.trigger, scheduled_for: input.scheduledFor, started_at: clock.now(),
  });
  const result: JobResult = {
    runId, status: 'ok', scanId: null, syncRunId: null, syncErrors: 0, score: null, previousScore: null, errorRequirements: 0, wentDark: 0,
    alertId: null, visibilityAlertId: null, deliveries: [], pruned: null, error: null,
  };
  const fields = { run: runId, benchmark: input.benchmarkId, schedule: input.schedule?.id, trigger: input.trigger };
  log?.info('run started', { ...fields, sync: input.syncFirst });
  try {
    let scanId: string;
    if (deps.scan) {
      const r = await deps.scan({ benchmarkId: input.benchmarkId, sync: input.syncFirst, trigger: input.schedule ? 'schedule' : 'cli' });
      result.syncRunId = r.syncRunId;
      result.syncErrors = r.syncErrors;
      scanId = r.scanId;
    } else {
      if (input.syncFirst) {
        if (!deps.sync) throw new Error('this run asks to sync first, but no AWS settings were given to sync with (start `calabi serve` with the sync options, or run without --sync)');
        const sync = await deps.sync();
        result.syncRunId = sync.runId;
        result.syncErrors = sync.errors.length;
        log?.[sync.errors.length ? 'warn' : 'info']('sync finished', { ...fields, sync_run: sync.runId, errors: sync.errors.length });
      }
      scanId = await (deps.evaluate ?? defaultEvaluate)({ db, benchmarkId: input.benchmarkId, trigger: input.schedule ? 'schedule' : 'cli', syncRunId: result.syncRunId });
    }
    const scan = await resolveScan(db, scanId);
    const previous = await previousScan(db, scan.id);
    result.scanId = scan.id;
    result.score = scan.score;
    result.previousScore = previous?.score ?? null;
    result.errorRequirements = scan.error ?? 0;
    log?.info('scan finished', { ...fields, scan: scan.id, score: scan.score, previous: previous?.score ?? null, pass: scan.pass, fail: scan.fail, error: scan.error });
    if (input.alertThreshold !== null) {
      const alert = await scoreDropAlert(db, scan, previous, input.alertThreshold, { publicUrl: deps.publicUrl, schedule: input.schedule });
      if (alert) {
        const sent = await sendAlert(db, alert, input.channelIds, clock.now(), { clock, ...deps.delivery });
        result.alertId = sent.alertId;
        result.deliveries = sent.deliveries;
        log?.warn('score dropped: alert sent', { ...fields, drop: alert.drop, delivered: sent.deliveries.filter((d) => d.ok).length, failed: sent.deliveries.filter((d) => !d.ok).length });
      }
      // Visibility loss alerts whatever the score did: an ERROR now counts like a FAIL, so data going dark
      // can leave the score unchanged.
      const lost = await visibilityLossAlert(db, scan, previous, {
        publicUrl: deps.publicUrl, schedule: input.schedule, syncRunId: input.syncFirst ? result.syncRunId : null, syncErrorCount: result.syncErrors,
      });
      if (lost) {
        const sent = await sendAlert(db, lost, input.channelIds, clock.now(), { clock, ...deps.delivery });
        result.visibilityAlertId = sent.alertId;
        result.wentDark = lost.went_dark.length;
        result.deliveries.push(...sent.deliveries);
        log?.warn('visibility lost: alert sent', {
          ...fields, went_dark: lost.went_dark.map((r) => r.id), sync_errors: lost.sync_errors?.count ?? 0,
          delivered: sent.deliveries.filter((d) => d.ok).length, failed: sent.deliveries.filter((d) => !d.ok).length,
        });
      }
      // Accepted risks about to lapse (issue 14): announced once per exception revision.
      const expiring = await exceptionsExpiringAlert(db, scan, clock.now(), { publicUrl: deps.publicUrl, schedule: input.schedule });
      if (expiring) {
        const sent = await sendAlert(db, expiring, input.channelIds, clock.now(), { clock, ...deps.delivery });
        result.deliveries.push(...sent.deliveries);
        log?.warn('exceptions expiring: alert sent', { ...fields, exceptions: expiring.expiring.map((e) => e.id) });
      }
    }
  } catch (error) {
    result.status = 'failed';
    result.error = error instanceof Error ? error.message : String(error);
    log?.error('run failed', { ...fields, error: result.error });
  }
  await finishRun(db, runId, result.status, clock.now(), {
    scan_id: result.scanId, sync_run_id: result.syncRunId, score: result.score, previous_score: result.previousScore, alert_id: result.alertId ?? result.visibilityAlertId, error: result.error,
  });
  if (deps.retentionDays !== undefined) {
    result.pruned = await pruneHistory(db, { retentionDays: deps.retentionDays, now: clock.now() });
    if (result.pruned.scans) log?.info('history pruned', { scans: result.pruned.scans, findings: result.pruned.findings, before: result.pruned.cutoff });
  }
  return result;
}
