import type { Command } from 'commander';
import { evaluateBenchmark } from '../../controls/engine.js';
import { compareVersions, defaultCompareBenchmarks } from '../../reports/compare.js';
import { ScanNotFoundError } from '../../reports/scan-data.js';
import { openDb } from '../context.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program) => {
  program
    .command('compare [benchmarks...]')
    .description(`benchmark versions side by side for one inventory (default ${defaultCompareBenchmarks.join(' ')}): which requirements map to the same checks and how each scored`)
    .option('--evaluate', 'evaluate each benchmark now on the current inventory first (otherwise: their latest scans)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (ids: string[], flags: { evaluate?: boolean; format: string }, cmd: Command) => {
      const benchmarks = ids.length ? ids : [...defaultCompareBenchmarks];
      if (benchmarks.length < 2) throw new UsageError('give at least two benchmark ids to compare');
      if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, not '${flags.format}'`);
      const db = await openDb(cmd);
      try {
        const scans: Record<string, string> = {};
        if (flags.evaluate) {
          for (const b of benchmarks) scans[b] = (await evaluateBenchmark({ db, benchmarkId: b, trigger: 'cli' })).scan.id;
        }
        const c = await compareVersions(db, benchmarks.map((benchmarkId) => ({ benchmarkId, scan: scans[benchmarkId] }))).catch((error: unknown) => {
          throw error instanceof ScanNotFoundError ? new UsageError(`${error.message.replace(/^\[reports\] /, '')} (or pass --evaluate)`) : error;
        });
        if (flags.format === 'json') {
          process.stdout.write(`${JSON.stringify(c, null, 2)}\n`);
          return;
        }
        const w = 18;
        const out: string[] = [];
        out.push(`${'check'.padEnd(40)} ${c.benchmarks.map((b) => b.benchmark_id.padEnd(w)).join(' ')}`);
        out.push(`${'score'.padEnd(40)} ${c.benchmarks.map((b) => (b.score === null ? 'n/a' : `${b.score.toFixed(1)}%`).padEnd(w)).join(' ')}`);
        out.push(`${'scan'.padEnd(40)} ${c.benchmarks.map((b) => b.scan_id.slice(0, 8).padEnd(w)).join(' ')}`);
        if (!c.same_inventory) out.push('note: the scans are of different syncs; run with --evaluate to compare one inventory');
        out.push('');
        for (const r of c.rows) {
          const cells = c.benchmarks.map((b) => (r.requirements[b.benchmark_id]?.map((q) => `${q.id} ${q.status}`).join(', ') ?? '—').padEnd(w));
          out.push(`${r.check_id.padEnd(40)} ${cells.join(' ')}${r.agrees ? '' : '  *'}`);
        }
        out.push('', '* the versions map the check differently or scored it differently');
        for (const b of c.benchmarks) out.push(`${b.benchmark_id}: ${c.unmapped[b.benchmark_id]?.length ?? 0} manual requirement(s) without a check`);
        process.stdout.write(`${out.join('\n')}\n`);
      } finally {
        db.close();
      }
    });
};
