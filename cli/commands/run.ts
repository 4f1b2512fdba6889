import type { Command } from 'commander';
import { retentionDaysFrom } from '../../scheduler/retention-days.js';
import { backendOf } from '../backend.js';
import type { LogEvent } from '../beside/ops.js';
import { globalOptions } from '../context.js';
import { syncSettings } from '../sync-options.js';
import { UsageError } from '../errors.js';
import { createLogger } from '../../lib/logger.js';
import type { RegisterCommand } from './register.js';
import { addLimitOptions, limitsFrom } from './evaluate.js';
import { addSyncOptions, type SyncFlags } from './sync.js';

interface RunFlags extends SyncFlags {
  sync?: boolean;
  alertThreshold?: string;
  channel?: string[];
  publicUrl?: string;
  retentionDays?: string;
  checkTimeout?: string;
  maxDataAge?: string;
}

/** Exit codes of `calabi run`, for cron and Kubernetes CronJobs. */
export const runExitCodes = {
  ok: 0,
  /**
   * The scan completed, but the sync had errors or requirements are in ERROR (data could not be trusted). Lost
   * visibility (a requirement went from PASS or FAIL to ERROR, or the sync recorded errors) is this code too: it is
   * a problem with the data, not a change in the estate; its alert, when alerting is on, says what went dark.
   */
  problems: 1,
  /** Nothing usable: bad arguments, database locked, the sync or evaluation failed. */
  failed: 2,
  /** The score dropped by more than --alert-threshold against the previous scan (the alert was sent); wins over 1. */
  scoreDropped: 3,
} as const;

export const register: RegisterCommand = (program, setExit) => {
  addSyncOptions(addLimitOptions(
    program
      .command('run <benchmark>')
      .description('one-shot scheduled run for cron or a Kubernetes CronJob: optionally sync, evaluate, alert on a score drop or lost visibility, prune old history; exit 0 ok, 1 completed with problems (sync errors, requirements in ERROR, visibility lost), 2 failed, 3 score dropped')
      .option('--sync', 'sync the inventory first (with the AWS options below)')
      .option('--alert-threshold <points>', 'alert the channels when the score drops by more than this many percentage points, and when visibility is lost (100: visibility alerts only)')
      .option('--channel <id>', 'alert only this channel (repeatable; default: every enabled channel)', (v: string, all: string[]) => [...all, v], [] as string[])
      .option('--public-url <url>', 'base URL of the Calabi page, for the report link in alerts (default: $CALABI_PUBLIC_URL)')
      .option('--retention-days <n>', 'delete scans older than this after the run (default: $CALABI_RETENTION_DAYS or 90)'),
  )).action(async (benchmarkId: string, flags: RunFlags, cmd: Command) => {
    const g = globalOptions(cmd);
    const logger = createLogger({ json: g.jsonLogs });
    const threshold = flags.alertThreshold === undefined ? null : Number(flags.alertThreshold);
    if (threshold !== null && !(threshold >= 0 && threshold <= 100)) throw new UsageError(`--alert-threshold must be a number of points from 0 to 100, not '${flags.alertThreshold}'`);
    let retentionDays: number;
    try {
      retentionDays = retentionDaysFrom(flags.retentionDays);
    } catch (error) {
      throw new UsageError((error as Error).message.replace(/^\[retention\] /, ''));
    }
    const limits = limitsFrom(flags);
    // The engine and the job load when a run starts (the sync, with the AWS SDK, when it syncs), not for --help.
    const { findBenchmark, loadCatalog, UnknownBenchmarkError } = await import('../../controls/engine.js');
    try {
      findBenchmark(loadCatalog(), benchmarkId);
    } catch (error) {
      if (error instanceof UnknownBenchmarkError) throw new UsageError(`${error.message} List them with: calabi benchmarks`);
      throw error;
    }
    const settings = syncSettings(flags);
    // The job runs here on the file or inside a running `calabi serve`; its log lines come back as events.
    const result = await (await backendOf(cmd)).call(
      'run',
      {
        benchmarkId, syncFirst: Boolean(flags.sync), settings, alertThreshold: threshold, channelIds: flags.channel?.length ? flags.channel : null,
        publicUrl: flags.publicUrl ?? process.env.CALABI_PUBLIC_URL, retentionDays, limits,
      },
      (e) => {
        const { log, message, fields } = e as LogEvent;
        logger[log](message, fields);
      },
    );
    const code = result.status === 'failed' ? runExitCodes.failed
      : result.alertId ? runExitCodes.scoreDropped
      : result.syncErrors || result.errorRequirements ? runExitCodes.problems
      : runExitCodes.ok;
    logger[code === 0 ? 'info' : code === 2 ? 'error' : 'warn']('run finished', {
      run: result.runId, status: result.status, scan: result.scanId, score: result.score, previous_score: result.previousScore,
      sync_errors: result.syncErrors, error_requirements: result.errorRequirements, went_dark: result.wentDark, alert: result.alertId, visibility_alert: result.visibilityAlertId,
      deliveries_failed: result.deliveries.filter((d) => !d.ok).length, pruned_scans: result.pruned?.scans ?? 0, exit: code,
    });
    setExit(code);
  });
};
