import { loadavg as osLoad } from 'node:os';

/** Helpers shared by the benchmarks: timing, peak memory, and a small table printer. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

export function printTable(rows: Array<[string, string | number]>): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

/** Runs async tasks with at most `n` in flight. */
export async function pool<T>(items: readonly T[], n: number, fn: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** The 1-, 5- and 15-minute load averages: benchmark numbers on a shared machine mean little without them. */
export function loadAverage(): string {
  return osLoad().map((l) => l.toFixed(1)).join(' / ');
}

/** Runs `fn` for items 0 … k·scale − 1 (at least one), at most `width` at a time: the seeds' counts. */
export function each(k: number, scale: number, width: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  return pool(Array.from({ length: Math.max(1, Math.round(k * scale)) }, (_, i) => i), width, fn);
}
