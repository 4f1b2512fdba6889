import pc from 'picocolors';
import type { SyncProgress } from '../sync/runner.js';
import type { Logger } from '../lib/logger.js';

/**
 * Sync progress: on a terminal, a live block per account and region that redraws in place; elsewhere, one log
 * line per finished scope that failed or had errors, and one per account/region as it completes.
 */
export function createSyncProgress(options: { tty: boolean; logger: Logger; stream?: NodeJS.WriteStream }): (e: SyncProgress) => void {
  const stream = options.stream ?? process.stderr;
  let total = 0;
  let done = 0;
  const running = new Map<string, string>();
  const byScope = new Map<string, { done: number; errors: number }>();
  let lines = 0;

  const redraw = () => {
    if (lines) stream.write(`\x1b[${lines}A\x1b[0J`);
    const out: string[] = [];
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : 0;
    out.push(`${pc.bold('sync')} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    for (const [scope, s] of [...byScope].slice(-12)) {
      out.push(`  ${scope.padEnd(32)} ${String(s.done).padStart(3)} done${s.errors ? pc.red(` ${s.errors} errors`) : ''}`);
    }
    const now = [...running.values()].slice(0, 6);
    if (now.length) out.push(pc.dim(`  running: ${now.join(', ')}`));
    stream.write(`${out.join('\n')}\n`);
    lines = out.length;
  };

  return (e) => {
    if (e.type === 'plan') {
      total = e.scopes;
      if (!options.tty) options.logger.info('sync started', { accounts: e.accounts.join(','), regions: e.regions.length, scopes: e.scopes });
    } else if (e.type === 'scope-start') {
      running.set(`${e.accountId}/${e.region}/${e.collector}`, `${e.service}.${e.collector}@${e.region}`);
    } else if (e.type === 'scope-done') {
      done++;
      running.delete(`${e.accountId}/${e.region}/${e.collector}`);
      const key = `${e.accountId} ${e.region}`;
      const s = byScope.get(key) ?? { done: 0, errors: 0 };
      s.done++;
      s.errors += e.errors;
      byScope.set(key, s);
      if (!options.tty && (e.failed || e.errors)) {
        options.logger.warn(e.failed ? 'collection failed; previous rows kept' : 'collected with errors', {
          account: e.accountId, region: e.region, service: e.service, collector: e.collector, errors: e.errors,
        });
      }
    } else if (e.type === 'account-error') {
      options.logger.error('account skipped', { account: e.accountId, error: e.message });
    }
    if (options.tty) redraw();
  };
}
