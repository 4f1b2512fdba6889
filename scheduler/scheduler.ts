import { systemClock, type Clock } from './clock.js';
import { runJob, type JobDeps, type JobResult } from './job.js';
import { pruneHistory } from './retention.js';
import { closeInterruptedRuns, startRun, type RunTrigger } from './runs.js';
import { nextRunAfter } from './spec.js';
import { listSchedules, setNextRun, type Schedule } from './store.js';

export interface SchedulerOptions extends JobDeps {
  clock?: Clock;
  /** Longest sleep between wake-ups; a wake-up re-reads the time, so a suspended host or a clock jump is caught. */
  maxSleepMs?: number;
  /** A due time older than this at start-up counts as missed while the server was down. */
  missedGraceMs?: number;
  onRunFinished?: (result: JobResult, schedule: Schedule) => void;
}

export class ScheduleBusyError extends Error {
  constructor(schedule: Schedule) {
    super(`schedule '${schedule.name}' is already running; wait for that run to finish`);
    this.name = 'ScheduleBusyError';
  }
}

/**
 * Runs the stored schedules inside `calabi serve`. Due times come from croner (time zones, daylight saving) and are
 * persisted as next_run_at, so a restart keeps them; a due time that passed while the server was down runs once at
 * start-up, however many were missed. Runs execute one at a time (a sync and an evaluation each load the database and
 * the AWS APIs); a schedule that comes due while its previous run is still queued or running is recorded as skipped,
 * never run twice at once.
 */
export class Scheduler {
  private readonly clock: Clock;
  private schedules = new Map<string, Schedule>();
  private readonly busy = new Set<string>();
  private readonly pending = new Set<Promise<unknown>>();
  /** next_run_at writes in flight; reload() waits for them so it never reads a due time that was just moved on. */
  private readonly writes = new Set<Promise<unknown>>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: unknown = null;
  private started = false;
  private lastPrune = 0;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  async start(): Promise<void> {
    const { db } = this.options;
    const now = this.clock.now();
    const interrupted = await closeInterruptedRuns(db, now);
    if (interrupted) this.options.logger?.warn('closed runs interrupted by the last shutdown', { runs: interrupted });
    this.started = true;
    await this.prune();
    this.schedules = new Map((await listSchedules(db)).map((s) => [s.id, s]));
    const grace = this.options.missedGraceMs ?? 60_000;
    for (const s of this.schedules.values()) {
      if (s.paused) continue;
      if (!s.next_run_at) {
        this.track(this.advance(s, now));
        continue;
      }
      if (Date.parse(s.next_run_at) <= now.getTime()) this.fire(s, now.getTime() - Date.parse(s.next_run_at) > grace ? 'missed' : 'due', now);
    }
    this.arm();
  }

  /** Re-reads the schedules after a change through the API or CLI. */
  async reload(): Promise<void> {
    await Promise.allSettled([...this.writes]);
    this.schedules = new Map((await listSchedules(this.options.db)).map((s) => [s.id, s]));
    if (this.started) this.arm();
  }

  stop(): void {
    this.started = false;
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
  }

  /** Resolves when every run and bookkeeping write started so far has finished. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  isRunning(scheduleId: string): boolean {
    return this.busy.has(scheduleId);
  }

  /** Starts a run now (the page's "Run now"); refuses while the schedule's previous run is queued or running. */
  runNow(scheduleId: string): Promise<JobResult> {
    const s = this.schedules.get(scheduleId);
    if (!s) throw new Error(`[scheduler] no schedule ${scheduleId}`);
    if (this.busy.has(s.id)) throw new ScheduleBusyError(s);
    return this.execute(s, 'manual', null);
  }

  private tick(): void {
    this.timer = null;
    if (!this.started) return;
    const now = this.clock.now();
    for (const s of this.schedules.values()) {
      if (!s.paused && s.next_run_at && Date.parse(s.next_run_at) <= now.getTime()) this.fire(s, 'due', now);
    }
    if (now.getTime() - this.lastPrune >= 86_400_000) this.track(this.prune());
    this.arm();
  }

  /** A due (or missed) time has come: move next_run_at on, then run — or record a skip if a run is still going. */
  private fire(s: Schedule, trigger: RunTrigger, now: Date): void {
    const scheduledFor = s.next_run_at ? new Date(s.next_run_at) : now;
    this.track(this.advance(s, now));
    if (this.busy.has(s.id)) {
      this.options.logger?.warn('schedule skipped: previous run still running', { schedule: s.id, due: scheduledFor.toISOString() });
      this.track(startRun(this.options.db, {
        schedule_id: s.id, benchmark_id: s.benchmark_id, trigger, scheduled_for: scheduledFor, started_at: now, status: 'skipped',
        error: 'skipped: the previous run of this schedule was still running',
      }));
      return;
    }
    void this.execute(s, trigger, scheduledFor).catch(() => undefined); // recorded in schedule_runs and logged by runJob
  }

  private execute(s: Schedule, trigger: RunTrigger, scheduledFor: Date | null): Promise<JobResult> {
    this.busy.add(s.id);
    const run = this.queue.then(() =>
      runJob({ ...this.options, clock: this.clock, retentionDays: undefined }, {
        benchmarkId: s.benchmark_id, syncFirst: s.sync_first, alertThreshold: s.alert_threshold, channelIds: s.channel_ids,
        schedule: { id: s.id, name: s.name }, trigger, scheduledFor,
      }),
    );
    this.queue = run.catch(() => undefined);
    const done = run.then(async (result) => {
      await setNextRun(this.options.db, s.id, this.schedules.get(s.id)?.next_run_at ? new Date(this.schedules.get(s.id)!.next_run_at!) : null, this.clock.now());
      await this.prune(true);
      this.options.onRunFinished?.(result, s);
      return result;
    }).finally(() => this.busy.delete(s.id));
    this.track(done);
    return done;
  }

  /** Sets the next due time strictly after now (one run for any number of missed times) and persists it. */
  private async advance(s: Schedule, now: Date): Promise<void> {
    const next = nextRunAfter(s, now);
    const current = this.schedules.get(s.id);
    if (current) current.next_run_at = next.toISOString();
    const write = setNextRun(this.options.db, s.id, next);
    this.writes.add(write);
    try {
      await write;
    } finally {
      this.writes.delete(write);
    }
  }

  private async prune(force = false): Promise<void> {
    const days = this.options.retentionDays;
    const now = this.clock.now();
    if (days === undefined || (!force && now.getTime() - this.lastPrune < 86_400_000 && this.lastPrune !== 0)) return;
    this.lastPrune = now.getTime();
    const r = await pruneHistory(this.options.db, { retentionDays: days, now });
    if (r.scans || r.schedule_runs) this.options.logger?.info('history pruned', { scans: r.scans, findings: r.findings, runs: r.schedule_runs, before: r.cutoff });
  }

  private arm(): void {
    if (!this.started) return;
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    const now = this.clock.now().getTime();
    let wake = now + (this.options.maxSleepMs ?? 3_600_000);
    for (const s of this.schedules.values()) {
      if (!s.paused && s.next_run_at) wake = Math.min(wake, Date.parse(s.next_run_at));
    }
    this.timer = this.clock.setTimer(() => this.tick(), Math.max(0, wake - now));
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((error: unknown) => {
      this.options.logger?.error('scheduler bookkeeping failed', { error: error instanceof Error ? error.message : String(error) });
    });
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}
