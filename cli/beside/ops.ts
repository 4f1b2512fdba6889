import type { BesideContext } from '../../api/beside/routes.js';
import type { EvaluationLimits } from '../../controls/limits.js';
import type { FrameworksPosture } from '../../controls/frameworks.js';
import type { ScanReport } from '../../controls/types.js';
import type { Logger } from '../../lib/logger.js';
import type { JobResult } from '../../scheduler/job.js';
import type { ScheduleInput } from '../../scheduler/spec.js';
import type { SyncProgress, SyncResult } from '../../sync/runner.js';
import { UsageError } from '../errors.js';
import { exceptionOps } from './exception-ops.js';
import { pushSecurityHub } from './push-op.js';
import type { SyncSettings } from '../sync-options.js';

/**
 * The work a writing command does on the database, as named operations with JSON arguments and results. The
 * same function runs in the CLI's own process on the file (no server) or inside `calabi serve` when one holds
 * the file (cli/backend.ts), so a command prints the same either way: it formats what comes back, never what
 * only one side could see. Heavy modules load inside each operation, not when the CLI starts.
 */
export type LogEvent = { log: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> };

export interface EvaluateArgs {
  benchmarkId: string;
  /** Custom check directories, absolute, $CALABI_CHECKS already included (the server's environment is not ours). */
  checksDirs?: string[];
  limits?: EvaluationLimits;
  syncRunId?: string;
  /** The database as the user named it, for the message when the inventory is empty. */
  dbLabel: string;
  /** false for `compare --evaluate`, which evaluates whatever was synced (the demo's sample has no accounts row). */
  requireInventory?: boolean;
}

export interface EvaluateManyArgs {
  benchmarkIds: string[];
  /** Custom check directories, absolute, $CALABI_CHECKS already included. */
  checksDirs: string[];
  limits: EvaluationLimits;
  dbLabel: string;
  /** Also return the frameworks posture after the evaluation (the table format prints it). */
  withPosture: boolean;
}

export interface RunArgs {
  benchmarkId: string;
  syncFirst: boolean;
  settings: SyncSettings;
  alertThreshold: number | null;
  channelIds: string[] | null;
  publicUrl?: string;
  retentionDays: number;
  limits: EvaluationLimits;
}

async function evaluate({ db }: BesideContext, args: EvaluateArgs): Promise<ScanReport> {
  const { evaluateBenchmark, loadCatalog } = await import('../../controls/engine.js');
  if (args.requireInventory !== false) {
    // Fail closed: an empty inventory would evaluate to all SKIP and exit 0, a silent pass in a pipeline.
    const accounts = await db.one<{ n: number }>('SELECT count(*) AS n FROM aws_accounts');
    if (!accounts?.n) throw new UsageError(`the inventory in ${args.dbLabel} is empty: run \`calabi sync\` first, or \`calabi scan ${args.benchmarkId}\` to sync and evaluate at once.`);
  }
  const catalog = args.checksDirs ? loadCatalog({ checksDirs: args.checksDirs, env: {} }) : undefined;
  return evaluateBenchmark({ db, benchmarkId: args.benchmarkId, catalog, trigger: 'cli', syncRunId: args.syncRunId, limits: args.limits });
}

/** Several benchmarks in one pass (`calabi evaluate all` or a comma list): one scan each, every check run once. */
async function evaluateMany({ db }: BesideContext, args: EvaluateManyArgs): Promise<{ reports: ScanReport[]; posture: FrameworksPosture | null }> {
  const { evaluateBenchmarks, loadCatalog } = await import('../../controls/engine.js');
  // Fail closed, as for one benchmark: an empty inventory is refused, not evaluated to all SKIP.
  const accounts = await db.one<{ n: number }>('SELECT count(*) AS n FROM aws_accounts');
  if (!accounts?.n) throw new UsageError(`the inventory in ${args.dbLabel} is empty: run \`calabi sync\` first.`);
  const catalog = loadCatalog({ checksDirs: args.checksDirs, env: {} });
  const reports = await evaluateBenchmarks({ db, benchmarkIds: args.benchmarkIds, catalog, trigger: 'cli', limits: args.limits });
  if (!args.withPosture) return { reports, posture: null };
  const { frameworksPosture } = await import('../../controls/frameworks.js');
  return { reports, posture: await frameworksPosture(db, catalog) };
}

async function sync({ db }: BesideContext, args: { settings: SyncSettings }, emit: (e: SyncProgress) => void): Promise<SyncResult> {
  const { runSync } = await import('../../sync/runner.js');
  return runSync({ db, ...args.settings, onProgress: emit });
}

async function run({ db }: BesideContext, args: RunArgs, emit: (e: LogEvent) => void): Promise<JobResult> {
  const { evaluateBenchmark } = await import('../../controls/engine.js');
  const { runJob } = await import('../../scheduler/job.js');
  const logger: Logger = {
    info: (message, fields) => emit({ log: 'info', message, fields }),
    warn: (message, fields) => emit({ log: 'warn', message, fields }),
    error: (message, fields) => emit({ log: 'error', message, fields }),
  };
  return runJob(
    {
      db, logger, publicUrl: args.publicUrl, retentionDays: args.retentionDays,
      evaluate: async ({ db, benchmarkId, trigger, syncRunId }) => (await evaluateBenchmark({ db, benchmarkId, trigger, syncRunId, limits: args.limits })).scan.id,
      sync: async () => {
        const { runSync } = await import('../../sync/runner.js');
        const r = await runSync({ db, ...args.settings });
        return { runId: r.runId, errors: r.errors };
      },
    },
    { benchmarkId: args.benchmarkId, syncFirst: args.syncFirst, alertThreshold: args.alertThreshold, channelIds: args.channelIds, schedule: null, trigger: 'cli', scheduledFor: null },
  );
}

/** Schedule and channel input errors are the user's to fix: a usage error (exit 2), as the command prints them. */
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { ScheduleSpecError } = await import('../../scheduler/spec.js');
    const { ChannelInputError } = await import('../../scheduler/channels.js');
    if (error instanceof ScheduleSpecError || error instanceof ChannelInputError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

const store = () => import('../../scheduler/store.js');
const channels = () => import('../../scheduler/channels.js');

/** A schedule change takes effect in the running scheduler at once. */
async function reloaded<T>(ctx: BesideContext, result: T): Promise<T> {
  await ctx.scheduler?.reload();
  return result;
}

export const ops = {
  evaluate,
  evaluateMany,
  sync,
  run,
  scheduleAdd: async (ctx: BesideContext, a: { input: ScheduleInput }) => reloaded(ctx, await asUsage(async () => (await store()).createSchedule(ctx.db, a.input, new Date()))),
  scheduleUpdate: async (ctx: BesideContext, a: { id: string; patch: Partial<ScheduleInput> }) =>
    reloaded(ctx, (await asUsage(async () => (await store()).updateSchedule(ctx.db, a.id, a.patch, new Date()))) ?? null),
  scheduleDelete: async (ctx: BesideContext, a: { id: string }) => {
    if (ctx.scheduler?.isRunning(a.id)) throw new UsageError(`schedule ${a.id} is running; delete it after the run ends (or pause it now)`);
    return reloaded(ctx, await (await store()).deleteSchedule(ctx.db, a.id));
  },
  channelAdd: async (ctx: BesideContext, a: { name: string; url: string }) => asUsage(async () => (await channels()).createChannel(ctx.db, a, new Date())),
  channelRemove: async (ctx: BesideContext, a: { id: string }) => (await channels()).deleteChannel(ctx.db, a.id),
  channelTest: async (ctx: BesideContext, a: { id: string }) => {
    const c = await (await channels()).getChannel(ctx.db, a.id);
    if (!c) throw new UsageError(`no channel ${a.id}; list them with: calabi schedule channel list`);
    const { deliver } = await import('../../scheduler/webhook.js');
    return deliver(ctx.db, c, { text: `Calabi test message for channel '${c.name}'.`, event: 'test' }, null, { backoffMs: [] });
  },
  ...exceptionOps,
  pushSecurityHub,
};

export type Ops = typeof ops;
export type OpName = keyof Ops;
export type OpArgs<K extends OpName> = Parameters<Ops[K]>[1];
export type OpResult<K extends OpName> = Awaited<ReturnType<Ops[K]>>;
