import { randomUUID } from 'node:crypto';
import type { ControlReport, ScanReport } from '../controls/types.js';
import type { Database } from '../schema/db.js';
import type { SyncResult } from '../sync/runner.js';

/** A run the runner refuses to start (one is already running, or it cannot sync); the API answers it with 409. */
export class RunConflictError extends Error {
  override readonly name = 'RunConflictError';
}

/** The engine's entry point, typed by the subset the runner uses (tests may hand in their own). */
export type Evaluate = (options: {
  db: Database;
  benchmarkId: string;
  trigger: string;
  syncRunId?: string;
  /** The run id, so the scan the engine writes has the id the client already holds. */
  scanId?: string;
  onControl?: (control: ControlReport) => void;
}) => Promise<ScanReport>;

export type SyncFn = (db: Database) => Promise<Pick<SyncResult, 'runId' | 'status' | 'resources' | 'errors'>>;

export type RunState = 'syncing' | 'evaluating' | 'complete' | 'failed';

export interface RunEvent {
  /** Sequence number within the run, for SSE ids and Last-Event-ID. */
  seq: number;
  event: 'status' | 'control' | 'summary' | 'error';
  data: unknown;
}

export interface Run {
  id: string;
  benchmark: string;
  sync: boolean;
  trigger: string;
  state: RunState;
  startedAt: string;
  finishedAt: string | null;
  /** The scan the engine wrote (equal to id when the engine accepts our id). */
  scanId: string | null;
  events: RunEvent[];
  error: string | null;
}

export interface ScanRunnerOptions {
  db: Database;
  evaluate: Evaluate;
  sync?: SyncFn;
  /** Finished runs kept in memory for late event subscribers. */
  keep?: number;
}

/**
 * Runs one sync-and-evaluate at a time in this process. A second start while one runs is a 409, not a queue,
 * so a person pressing "Run now" twice (or a schedule firing mid-run) learns that one is already going.
 */
export class ScanRunner {
  private readonly runs = new Map<string, Run>();
  private readonly listeners = new Map<string, Set<(e: RunEvent) => void>>();
  private active: Run | undefined;
  private readonly finishedListeners = new Set<(run: Run) => void>();

  constructor(private readonly options: ScanRunnerOptions) {}

  /** Calls `listener` once per run as it ends (complete or failed), before its last event; returns the unsubscribe function. */
  onFinished(listener: (run: Run) => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  /** Whether runs may sync first (the server was given AWS access). */
  get canSync(): boolean {
    return Boolean(this.options.sync);
  }

  get busy(): Run | undefined {
    return this.active;
  }

  get(id: string): Run | undefined {
    return this.runs.get(id) ?? [...this.runs.values()].find((r) => r.scanId === id);
  }

  /** Starts a run and returns at once; `done` settles when it ends (it never rejects: failures are events). */
  start(request: { benchmark: string; sync?: boolean; trigger?: string }): { run: Run; done: Promise<void> } {
    if (this.active) {
      throw new RunConflictError(`a ${this.active.sync ? 'sync and ' : ''}scan of ${this.active.benchmark} is already running (scan ${this.active.id}); wait for it to finish or follow /api/scans/${this.active.id}/events`);
    }
    if (request.sync && !this.options.sync) throw new RunConflictError('this server cannot sync (it was started without AWS access, e.g. the demo); start the scan with "sync": false');
    const run: Run = {
      id: randomUUID(),
      benchmark: request.benchmark,
      sync: Boolean(request.sync),
      trigger: request.trigger ?? 'api',
      state: request.sync ? 'syncing' : 'evaluating',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      scanId: null,
      events: [],
      error: null,
    };
    this.active = run;
    this.runs.set(run.id, run);
    this.trim();
    const done = this.execute(run).finally(() => {
      this.active = undefined;
      this.listeners.delete(run.id);
    });
    return { run, done };
  }

  /** Calls `listener` for every event after `afterSeq`, past and future; returns the unsubscribe function. */
  subscribe(run: Run, afterSeq: number, listener: (e: RunEvent) => void): () => void {
    for (const e of run.events) if (e.seq > afterSeq) listener(e);
    if (run.state === 'complete' || run.state === 'failed') return () => undefined;
    const set = this.listeners.get(run.id) ?? new Set();
    set.add(listener);
    this.listeners.set(run.id, set);
    return () => set.delete(listener);
  }

  private async execute(run: Run): Promise<void> {
    try {
      let syncRunId: string | undefined;
      if (run.sync && this.options.sync) {
        this.emit(run, 'status', { state: 'syncing', benchmark: run.benchmark });
        const result = await this.options.sync(this.options.db);
        syncRunId = result.runId;
        this.emit(run, 'status', { state: 'synced', sync_run_id: result.runId, sync_status: result.status, resources: result.resources, sync_errors: result.errors.length });
      }
      run.state = 'evaluating';
      this.emit(run, 'status', { state: 'evaluating', benchmark: run.benchmark });
      const report = await this.options.evaluate({
        db: this.options.db, benchmarkId: run.benchmark, trigger: run.trigger, syncRunId, scanId: run.id,
        onControl: (control) => this.emit(run, 'control', controlEvent(control)),
      });
      run.scanId = report.scan.id;
      for (const listener of this.finishedListeners) listener(run);
      run.state = 'complete';
      run.finishedAt = new Date().toISOString();
      this.emit(run, 'summary', { run_id: run.id, scan_id: report.scan.id, benchmark: report.benchmark, summary: report.summary, finished_at: report.scan.finished_at });
    } catch (error) {
      run.state = 'failed';
      run.finishedAt = new Date().toISOString();
      run.error = error instanceof Error ? error.message : String(error);
      for (const listener of this.finishedListeners) listener(run);
      this.emit(run, 'error', { run_id: run.id, message: `the ${run.state === 'failed' && run.sync && !run.scanId ? 'sync or ' : ''}scan failed: ${run.error}` });
    }
  }

  private emit(run: Run, event: RunEvent['event'], data: unknown): void {
    const e: RunEvent = { seq: run.events.length + 1, event, data };
    run.events.push(e);
    for (const listener of this.listeners.get(run.id) ?? []) listener(e);
  }

  private trim(): void {
    const keep = this.options.keep ?? 20;
    for (const id of this.runs.keys()) {
      if (this.runs.size <= keep) break;
      if (this.runs.get(id) !== this.active) this.runs.delete(id);
    }
  }
}

function controlEvent(c: ControlReport) {
  return { id: c.id, title: c.title, section: c.section, assessment: c.assessment ?? null, severity: c.severity, status: c.status, reason: c.reason, affected_count: c.affected_count, evaluated_count: c.evaluated_count };
}
