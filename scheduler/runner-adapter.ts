import type { ScanRunner } from '../scans/runner.js';
import { systemClock, type Clock } from './clock.js';
import type { JobDeps } from './job.js';

/**
 * Runs scheduled scans through the server's ScanRunner, so they show up live on the page like "Run now" and never
 * evaluate at the same time as one. The runner refuses a second concurrent run; a scheduled run waits for the
 * current one to end instead of failing.
 */
export function scanViaRunner(runner: ScanRunner, options: { clock?: Clock; pollMs?: number } = {}): NonNullable<JobDeps['scan']> {
  const clock = options.clock ?? systemClock;
  return async ({ benchmarkId, sync, trigger }) => {
    for (;;) {
      while (runner.busy) await clock.sleep(options.pollMs ?? 2000);
      let started: ReturnType<ScanRunner['start']>;
      try {
        started = runner.start({ benchmark: benchmarkId, sync, trigger });
      } catch (error) {
        if (runner.busy) continue; // another run slipped in between: wait for it too
        throw error;
      }
      await started.done;
      const { run } = started;
      if (run.state !== 'complete' || !run.scanId) throw new Error(run.error ?? `the scan of ${benchmarkId} did not complete`);
      const synced = run.events.find((e) => e.event === 'status' && (e.data as { state?: string }).state === 'synced')?.data as
        | { sync_run_id?: string; sync_errors?: number }
        | undefined;
      return { scanId: run.scanId, syncRunId: synced?.sync_run_id ?? null, syncErrors: synced?.sync_errors ?? 0 };
    }
  };
}
