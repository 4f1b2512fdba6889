import type { Command } from 'commander';
import { openForReading } from '../backend.js';
import { globalOptions } from '../context.js';
import type { RegisterCommand } from './register.js';

/** `calabi status`: which shards of the latest sharded sync have finished (docs/ducklake.md). */
export const register: RegisterCommand = (program, setExit) => {
  program
    .command('status')
    .description('show which shards of the latest sharded sync (calabi sync --shard I/N) have finished')
    .option('--shard-group <name>', 'the sharded run to show (default: the one that started last)')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { shardGroup?: string; json?: boolean }, cmd: Command) => {
      const { latestShardedRun } = await import('../../sync/shard-status.js');
      // Beside a running `calabi serve` on the DuckDB file, a fresh copy of it; a lake is opened as it is (cli/backend.ts).
      const db = await openForReading(cmd, { readsOnly: true });
      try {
        const run = await latestShardedRun(db, flags.shardGroup);
        if (flags.json || globalOptions(cmd).jsonLogs) {
          process.stdout.write(`${JSON.stringify(run ?? null, null, 2)}\n`);
        } else if (!run) {
          process.stdout.write('No sharded sync has run yet (calabi sync --shard I/N).\n');
        } else {
          const done = run.shards.filter((s) => s.finishedAt !== null).length;
          process.stdout.write(`Sharded sync "${run.group}": ${done} of ${run.count} shards finished\n`);
          for (const s of run.shards) {
            const when = s.finishedAt ? `finished ${s.finishedAt}` : s.startedAt ? `started ${s.startedAt}` : '';
            const what = s.runId ? `${s.accounts} account(s), ${s.resources ?? 0} resources, ${s.errors ?? 0} error(s)` : '';
            process.stdout.write(`  shard ${s.index}/${run.count}  ${s.status.padEnd(11)} ${when}${what ? `  ${what}` : ''}\n`);
          }
        }
        // Exit 1 while a shard has not finished, so a script can wait for the whole run.
        setExit(run && !run.finished ? 1 : 0);
      } finally {
        db.close();
      }
    });
};
