import { setMaxListeners } from 'node:events';
import type { TableDef } from '../schema/table.js';
import type { ScopeError } from './writer.js';

/** Two hours: a large organization syncs in minutes; a run still going after this is stuck, not slow. */
export const defaultSyncDeadlineMs = 2 * 60 * 60 * 1000;

export interface TrackedScope {
  accountId: string;
  region: string;
  service: string;
  tables: readonly TableDef[];
}

/**
 * The overall deadline of one sync. When it passes, `ended` turns true (so no scope starts or writes any more),
 * the signal aborts every AWS call in flight (the client factory hands it to each request), and `race` resolves
 * false so the runner records the scopes that never finished and ends the run — releasing the database.
 */
export class SyncDeadline {
  readonly signal: AbortSignal;
  ended = false;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly pending = new Set<TrackedScope>();
  private reached!: () => void;
  private readonly reachedPromise = new Promise<void>((resolve) => (this.reached = resolve));

  constructor(readonly ms: number) {
    this.signal = this.controller.signal;
    // Every call in flight listens on this one signal (dozens at once with --concurrency): not a leak.
    setMaxListeners(0, this.signal);
    this.timer = setTimeout(() => {
      this.ended = true; // before the abort: the calls it rejects must find the run already over
      this.controller.abort(new Error(`the sync deadline of ${ms / 1000} s passed`));
      this.reached();
    }, ms);
  }

  /** Ends the run now (the database cannot be written): nothing more starts or writes, calls in flight abort. */
  stop(reason: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.controller.abort(reason);
  }

  track(scope: TrackedScope): TrackedScope {
    this.pending.add(scope);
    return scope;
  }

  done(scope: TrackedScope): void {
    this.pending.delete(scope);
  }

  unfinished(): TrackedScope[] {
    return [...this.pending];
  }

  /** True when `work` finished first; false when the deadline did (work's late failures are then moot). */
  async race(work: Promise<unknown>): Promise<boolean> {
    // After the deadline the scopes still running only see aborted calls and write nothing; their outcome is
    // already recorded as "unfinished", so a late rejection is deliberately dropped rather than crashing the process.
    work.catch(() => undefined);
    return Promise.race([work.then(() => true), this.reachedPromise.then(() => false)]);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

export function deadlineScopeError(ms: number, table: string): ScopeError {
  return {
    operation: 'sync',
    table,
    code: 'SyncDeadlineExceeded',
    message: `not finished when the sync deadline of ${ms / 1000} s passed (raise --deadline, or sync fewer regions or services at once)`,
  };
}
