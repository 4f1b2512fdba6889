import type { SyncProgress, SyncResult } from '../sync/runner.js';
import { services } from '../sync/services.js';

/**
 * Sums each service's scope time from the runner's progress events (scope-start to scope-done, per account,
 * region and collector). Scopes run concurrently, so the sums add up to more than the sync's wall time: each is
 * how long that service's collectors were in flight, waiting on their calls and writing their rows.
 */
export function scopeTimer(now: () => number = () => performance.now()): { onProgress: (e: SyncProgress) => void; msByService: Map<string, number> } {
  const started = new Map<string, number>();
  const msByService = new Map<string, number>();
  const onProgress = (e: SyncProgress) => {
    if (e.type !== 'scope-start' && e.type !== 'scope-done') return;
    const key = `${e.accountId}\u0000${e.region}\u0000${e.service}\u0000${e.collector}`;
    if (e.type === 'scope-start') started.set(key, now());
    else {
      const t0 = started.get(key);
      // The runner's account scope reports done without a start: it has no time of its own here.
      if (t0 === undefined) return;
      started.delete(key);
      msByService.set(e.service, (msByService.get(e.service) ?? 0) + now() - t0);
    }
  };
  return { onProgress, msByService };
}

export interface ServiceLine {
  service: string;
  rows: number;
  calls: number;
  callsPerRow: number | null;
  scopeMs: number;
}

/**
 * One line per registered service (and one for the runner's own calls): rows of its tables, the calls its
 * collectors made whichever SDK client they used (the sync counts them by caller, sync/clients.ts
 * callingService), scope time.
 */
export function perService(result: Pick<SyncResult, 'rowsByTable' | 'apiCallsBySyncService'>, msByService: ReadonlyMap<string, number>): ServiceLine[] {
  const calls = new Map<string, number>();
  for (const [service, clients] of Object.entries(result.apiCallsBySyncService)) {
    calls.set(service, Object.values(clients).reduce((a, b) => a + b, 0));
  }
  const names = [...services.map((s) => s.name), ...[...calls.keys()].filter((s) => !services.some((x) => x.name === s))];
  return names.map((service) => {
    const entry = services.find((s) => s.name === service);
    const rows = entry ? entry.tables.reduce((n, t) => n + (result.rowsByTable[t.name] ?? 0), 0) : 0;
    const c = calls.get(service) ?? 0;
    return { service, rows, calls: c, callsPerRow: rows ? c / rows : null, scopeMs: msByService.get(service) ?? 0 };
  });
}

/** The lines as an aligned text table, for the bench's output and the README. */
export function formatServiceLines(lines: readonly ServiceLine[]): string[] {
  const head = ['service', 'rows', 'API calls', 'calls/row', 'scope time (s, sum)'];
  const body = lines.map((l) => [l.service, String(l.rows), String(l.calls), l.callsPerRow === null ? '–' : l.callsPerRow.toFixed(2), (l.scopeMs / 1000).toFixed(2)]);
  const widths = head.map((h, k) => Math.max(h.length, ...body.map((r) => r[k]!.length)));
  return [head, ...body].map((r) => r.map((v, k) => (k === 0 ? v.padEnd(widths[k]!) : v.padStart(widths[k]!))).join('  '));
}
