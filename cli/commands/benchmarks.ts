import type { Command } from 'commander';
import type { listBenchmarks } from '../../controls/benchmarks.js';
import { openForReading } from '../backend.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

interface BenchmarksFlags {
  format?: string;
  checks?: string[];
}

/** `calabi benchmarks`: every benchmark with its requirement counts and the latest score. */
export const register: RegisterCommand = (program) => {
  program
    .command('benchmarks')
    .description('list the benchmarks (built-in and custom) with requirement counts and the latest score')
    .option('--format <format>', 'table or json', 'table')
    .option('--checks <dir>', 'also list custom benchmarks from DIR (repeatable; $CALABI_CHECKS too)', (v: string, all: string[]) => [...all, ...v.split(':').filter(Boolean)], [] as string[])
    .action(async (flags: BenchmarksFlags, cmd: Command) => {
      if (flags.format !== 'table' && flags.format !== 'json') throw new UsageError(`--format must be table or json, not '${flags.format}'`);
      const { listBenchmarks } = await import('../../controls/benchmarks.js');
      const { CatalogConfigError } = await import('../../controls/loader.js');
      const db = await openForReading(cmd);
      let list: Awaited<ReturnType<typeof listBenchmarks>>;
      try {
        list = await listBenchmarks(db, { checksDirs: flags.checks });
      } catch (error) {
        if (error instanceof CatalogConfigError) throw new UsageError(error.message, { cause: error });
        throw error;
      } finally {
        db.close();
      }
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const idWidth = Math.max(2, ...list.map((b) => b.id.length));
      const rows = list.map((b) => {
        const latest = b.latest_scan_at ? `${b.latest_score === null ? 'n/a' : `${b.latest_score}%`} at ${b.latest_scan_at.replace('T', ' ').slice(0, 16)} UTC` : 'never evaluated';
        // evaluated: a check decides it (whatever CIS's label); manual: no check can, a person collects evidence.
        return `${b.id.padEnd(idWidth)}  ${String(b.requirements).padStart(4)}  ${String(b.evaluated).padStart(9)}  ${String(b.requirements - b.evaluated).padStart(6)}  ${String(b.checks).padStart(6)}  ${latest.padEnd(30)}  ${b.title} ${b.version}${b.builtin ? '' : ' (custom)'}`;
      });
      process.stdout.write(`${'id'.padEnd(idWidth)}  reqs  evaluated  manual  checks  ${'latest score'.padEnd(30)}  title\n${rows.join('\n')}\n`);
    });
};
