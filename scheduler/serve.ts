import { evaluateBenchmark } from '../controls/engine.js';
import { ScanRunner, type SyncFn } from '../scans/runner.js';
import type { Logger } from '../lib/logger.js';
import type { Database } from '../schema/db.js';
import { scanViaRunner } from './runner-adapter.js';
import { Scheduler, type SchedulerOptions } from './scheduler.js';

export interface ServeSchedulingOptions {
  db: Database;
  sync?: SyncFn;
  retentionDays: number;
  /** Base URL for report links in alerts; default: the URL the server listens on. */
  publicUrl?: string;
  logger?: Logger;
}

/**
 * The scheduler of `calabi serve` and the scan runner it shares with the API, so a scheduled run appears on the page
 * like "Run now" and the two never evaluate at once. Start it once the server listens (its URL goes into alerts).
 */
export function createServeScheduling(o: ServeSchedulingOptions) {
  const runner = new ScanRunner({ db: o.db, sync: o.sync, evaluate: (args) => evaluateBenchmark({ ...args, syncRunId: args.syncRunId ?? null }) });
  const options: SchedulerOptions = { db: o.db, scan: scanViaRunner(runner), retentionDays: o.retentionDays, publicUrl: o.publicUrl, logger: o.logger };
  const scheduler = new Scheduler(options);
  return {
    runner,
    scheduler,
    async start(serverUrl: string): Promise<void> {
      options.publicUrl ??= serverUrl;
      await scheduler.start();
    },
    /** Stops the timers and gives a run in progress a moment to finish; one cut short is closed as interrupted at the next start. */
    async stop(graceMs = 10_000): Promise<void> {
      scheduler.stop();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([scheduler.idle(), new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
      clearTimeout(timer);
    },
  };
}
