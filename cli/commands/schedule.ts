import type { Command } from 'commander';
import type { ScheduleInput } from '../../scheduler/spec.js';
import type { Schedule } from '../../scheduler/store.js';
import type { Database } from '../../schema/db.js';
import { backendOf } from '../backend.js';
import type { OpArgs, OpName, OpResult } from '../beside/ops.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

interface TimingFlags {
  daily?: boolean;
  weekly?: string;
  monthly?: string;
  at?: string;
  tz?: string;
  sync?: boolean;
  noSync?: boolean;
  alertThreshold?: string;
  channel?: string[];
  name?: string;
  paused?: boolean;
}

// The scheduler's store and channels (zod, croner), the webhook sender and the engine load when a subcommand
// runs, not for --help.
const channels = () => import('../../scheduler/channels.js');

const note = 'Schedules run inside `calabi serve`; while it runs, these commands change them through it, and its scheduler follows at once.';

function timingOptions(cmd: Command): Command {
  return cmd
    .option('--daily', 'every day')
    .option('--weekly <day>', 'every week on this day (monday … sunday, or 0–6 with 0 = Sunday)')
    .option('--monthly <day>', 'every month on this day (1–28, or "last")')
    .option('--at <HH:MM>', 'time of day, 24-hour, in --tz')
    .option('--tz <zone>', 'IANA time zone, e.g. Europe/Berlin (default UTC)')
    .option('--sync', 'sync the inventory before evaluating')
    .option('--alert-threshold <points>', 'alert the channels when the score drops by more than this many points')
    .option('--channel <id>', 'alert only this channel (repeatable; default: every enabled channel)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--name <text>', 'a name for the schedule');
}

/** Flags → the fields they set; only what was given, so `update` changes nothing else. */
function inputFrom(flags: TimingFlags): Partial<ScheduleInput> {
  const picked = [flags.daily && 'daily', flags.weekly && 'weekly', flags.monthly && 'monthly'].filter(Boolean) as Array<'daily' | 'weekly' | 'monthly'>;
  if (picked.length > 1) throw new UsageError('give one of --daily, --weekly DAY, --monthly DAY');
  const input: Partial<ScheduleInput> = {};
  if (picked[0]) input.frequency = picked[0];
  if (flags.weekly !== undefined) input.weekday = /^\d$/.test(flags.weekly) ? Number(flags.weekly) : flags.weekly;
  if (flags.monthly !== undefined) input.day_of_month = flags.monthly === 'last' ? 'last' : Number(flags.monthly);
  if (flags.at !== undefined) input.time_of_day = flags.at;
  if (flags.tz !== undefined) input.timezone = flags.tz;
  if (flags.sync !== undefined) input.sync_first = flags.sync;
  if (flags.alertThreshold !== undefined) {
    const n = Number(flags.alertThreshold);
    if (!(n >= 0 && n <= 100)) throw new UsageError(`--alert-threshold must be a number of points from 0 to 100, not '${flags.alertThreshold}'`);
    input.alert_threshold = n;
  }
  if (flags.channel?.length) input.channel_ids = flags.channel;
  if (flags.name !== undefined) input.name = flags.name;
  if (flags.paused) input.paused = true;
  return input;
}

async function checkBenchmark(id: string): Promise<void> {
  const { findBenchmark, loadCatalog, UnknownBenchmarkError } = await import('../../controls/engine.js');
  try {
    findBenchmark(loadCatalog(), id);
  } catch (error) {
    if (error instanceof UnknownBenchmarkError) throw new UsageError(`${error.message} List them with: calabi benchmarks`);
    throw error;
  }
}

/** Reads the schedules and channels: from the file, or from a fresh copy a running `calabi serve` wrote. */
async function withDb<T>(cmd: Command, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await (await backendOf(cmd)).openForReading({});
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** A change: made here on the file, or by the running `calabi serve` (cli/beside/ops.ts). */
async function change<K extends OpName>(cmd: Command, name: K, args: OpArgs<K>): Promise<OpResult<K>> {
  return (await backendOf(cmd)).call(name, args);
}

function print(s: Schedule): void {
  const alert = s.alert_threshold === null ? 'no alert' : `alert on a drop > ${s.alert_threshold} points`;
  process.stdout.write(
    `${s.id}  ${s.paused ? 'PAUSED ' : ''}${s.benchmark_id}  ${s.description}${s.sync_first ? ', sync first' : ''}, ${alert}\n` +
      `    name: ${s.name}; next run: ${s.next_run_at ?? '—'}; last run: ${s.last_run_at ?? '—'}\n`,
  );
}

export const register: RegisterCommand = (program, setExit) => {
  const schedule = program.command('schedule').description(`manage scheduled sync-and-evaluate runs and their alert channels. ${note}`);

  schedule.command('list').description('list schedules').option('--json', 'as JSON').action(async (flags: { json?: boolean }, cmd: Command) => {
    const { listSchedules } = await import('../../scheduler/store.js');
    const rows = await withDb(cmd, listSchedules);
    if (flags.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else if (!rows.length) process.stdout.write('No schedules. Add one: calabi schedule add cis-aws-3.0 --daily --at 06:00 --tz Europe/Berlin --sync\n');
    else rows.forEach(print);
  });

  timingOptions(schedule.command('add <benchmark>').description('add a schedule'))
    .option('--paused', 'create it paused')
    .action(async (benchmark: string, flags: TimingFlags, cmd: Command) => {
      await checkBenchmark(benchmark);
      const input = inputFrom(flags);
      if (!input.frequency) throw new UsageError('say how often: --daily, --weekly DAY or --monthly DAY');
      if (!input.time_of_day) throw new UsageError('say when: --at HH:MM');
      const s = await change(cmd, 'scheduleAdd', { input: { ...input, benchmark_id: benchmark } as ScheduleInput });
      print(s);
    });

  timingOptions(schedule.command('update <id>').description('change a schedule (only the options given)'))
    .option('--no-sync', 'stop syncing before evaluating')
    .action(async (id: string, flags: TimingFlags, cmd: Command) => {
      const s = await change(cmd, 'scheduleUpdate', { id, patch: inputFrom(flags) });
      if (!s) throw new UsageError(`no schedule ${id}; list them with: calabi schedule list`);
      print(s);
    });

  for (const [name, paused] of [['pause', true], ['resume', false]] as const) {
    schedule.command(`${name} <id>`).description(`${name} a schedule`).action(async (id: string, _f: unknown, cmd: Command) => {
      const s = await change(cmd, 'scheduleUpdate', { id, patch: { paused } });
      if (!s) throw new UsageError(`no schedule ${id}; list them with: calabi schedule list`);
      print(s);
    });
  }

  schedule.command('delete <id>').description('delete a schedule (its run history stays)').action(async (id: string, _f: unknown, cmd: Command) => {
    if (!(await change(cmd, 'scheduleDelete', { id }))) throw new UsageError(`no schedule ${id}; list them with: calabi schedule list`);
    process.stdout.write(`Deleted schedule ${id}\n`);
  });

  schedule.command('runs [id]').description('recorded runs (of one schedule, or all including `calabi run`), newest first')
    .option('--limit <n>', 'how many', '20')
    .action(async (id: string | undefined, flags: { limit: string }, cmd: Command) => {
      const { listRuns } = await import('../../scheduler/runs.js');
      const runs = await withDb(cmd, (db) => listRuns(db, { scheduleId: id, limit: Number(flags.limit) || 20 }));
      for (const r of runs) {
        process.stdout.write(`${r.started_at}  ${r.status.padEnd(7)} ${r.trigger.padEnd(7)} ${r.benchmark_id}  scan ${r.scan_id ?? '—'}  score ${r.score ?? '—'} (was ${r.previous_score ?? '—'})${r.alert_id ? '  ALERT' : ''}${r.error ? `\n    ${r.error}` : ''}\n`);
      }
      if (!runs.length) process.stdout.write('No runs recorded yet.\n');
    });

  const channel = schedule.command('channel').description('webhook channels that receive score-drop alerts (Slack and Teams incoming webhooks work as they are)');
  channel.command('list').description('channels and their health').action(async (_f: unknown, cmd: Command) => {
    const { listChannels } = await channels();
    const rows = await withDb(cmd, listChannels);
    for (const c of rows) {
      const h = c.health;
      process.stdout.write(`${c.id}  ${c.enabled ? '' : 'DISABLED '}${c.name}  ${c.url}\n    ${h.state}${h.consecutive_failures ? ` (${h.consecutive_failures} failed deliveries in a row; last: ${h.last_error})` : ''}\n`);
    }
    if (!rows.length) process.stdout.write('No channels. Add one: calabi schedule channel add --name ops --url https://hooks.slack.com/services/…\n');
  });
  channel.command('add').description('add a webhook channel').requiredOption('--name <text>', 'a name').requiredOption('--url <url>', 'the webhook URL')
    .action(async (flags: { name: string; url: string }, cmd: Command) => {
      const c = await change(cmd, 'channelAdd', { name: flags.name, url: flags.url });
      process.stdout.write(`${c.id}  ${c.name}  ${c.url}\n`);
    });
  channel.command('remove <id>').description('delete a channel').action(async (id: string, _f: unknown, cmd: Command) => {
    if (!(await change(cmd, 'channelRemove', { id }))) throw new UsageError(`no channel ${id}; list them with: calabi schedule channel list`);
    process.stdout.write(`Deleted channel ${id}\n`);
  });
  channel.command('test <id>').description('send a test message (exit 1 when it fails)').action(async (id: string, _f: unknown, cmd: Command) => {
    const result = await change(cmd, 'channelTest', { id });
    process.stdout.write(result.ok ? `delivered (HTTP ${result.http_status})\n` : `failed: ${result.error}\n`);
    setExit(result.ok ? 0 : 1);
  });
};
