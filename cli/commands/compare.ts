import type { Command } from 'commander';
import type { VersionComparison } from '../../reports/compare.js';
import { defaultCompareBenchmarks } from '../../reports/compare-defaults.js';
import { backendOf } from '../backend.js';
import { dbPathOf } from '../context.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

export const register: RegisterCommand = (program) => {
  program
    .command('compare [benchmarks...]')
    .description(
      `benchmark versions side by side for one inventory (default: every CIS version, ${defaultCompareBenchmarks.join(' ')}, those with a scan): ` +
        'which requirements map to the same checks, how each scored, and which changed meaning',
    )
    .option('--evaluate', 'evaluate each benchmark now on the current inventory first (otherwise: their latest scans)')
    .option('--format <format>', 'text or json', 'text')
    .action(async (ids: string[], flags: { evaluate?: boolean; format: string }, cmd: Command) => {
      const benchmarks = ids.length ? ids : [...defaultCompareBenchmarks];
      if (benchmarks.length < 2) throw new UsageError('give at least two benchmark ids to compare');
      if (flags.format !== 'text' && flags.format !== 'json') throw new UsageError(`--format must be text or json, not '${flags.format}'`);
      const { compareVersions } = await import('../../reports/compare.js');
      const { ScanNotFoundError } = await import('../../schema/scans.js');
      const { customCheckDirs } = await import('../../controls/loader.js');
      const { resolveLimits } = await import('../../controls/limits.js');
      // Evaluated here on the file or inside a running `calabi serve`, then read from the file or a fresh copy.
      const backend = await backendOf(cmd);
      const scans: Record<string, string> = {};
      if (flags.evaluate) {
        for (const b of benchmarks) {
          const report = await backend.call('evaluate', { benchmarkId: b, checksDirs: customCheckDirs(), limits: resolveLimits(), dbLabel: dbPathOf(cmd), requireInventory: false });
          scans[b] = report.scan.id;
        }
      }
      const db = await backend.openForReading({});
      try {
        // Named versions must all have a scan; the default set keeps those that have one.
        const refs = benchmarks.map((benchmarkId) => ({ benchmarkId, scan: scans[benchmarkId] }));
        const c = await compareVersions(db, refs, { skipUnscanned: ids.length === 0 }).catch((error: unknown) => {
          throw error instanceof ScanNotFoundError ? new UsageError(`${error.message.replace(/^\[reports\] /, '')} (or pass --evaluate)`) : error;
        });
        process.stdout.write(flags.format === 'json' ? `${JSON.stringify(c, null, 2)}\n` : formatComparison(c, flags.evaluate === true));
      } finally {
        db.close();
      }
    });
};

/** The text table: one row per check, one column per version; markers for disagreement and changed meaning. */
function formatComparison(c: VersionComparison, evaluatedNow: boolean): string {
  const w = 18;
  const out: string[] = [];
  out.push(`${'check'.padEnd(40)} ${c.benchmarks.map((b) => b.benchmark_id.padEnd(w)).join(' ')}`);
  out.push(`${'score'.padEnd(40)} ${c.benchmarks.map((b) => (b.score === null ? 'n/a' : `${b.score.toFixed(1)}%`).padEnd(w)).join(' ')}`);
  out.push(`${'scan'.padEnd(40)} ${c.benchmarks.map((b) => b.scan_id.slice(0, 8).padEnd(w)).join(' ')}`);
  // Just evaluated on the current inventory: one inventory, even without a recorded sync run (the demo's sample).
  if (!c.same_inventory && !evaluatedNow) out.push('note: the scans are of different syncs; run with --evaluate to compare one inventory');
  if (c.not_evaluated.length) out.push(`note: not evaluated yet, left out: ${c.not_evaluated.join(', ')} (run with --evaluate to include them)`);
  out.push('');
  for (const r of c.rows) {
    const cells = c.benchmarks.map((b) => (r.requirements[b.benchmark_id]?.map((q) => `${q.id} ${q.status}`).join(', ') ?? '—').padEnd(w));
    out.push(`${r.check_id.padEnd(40)} ${cells.join(' ')}${r.agrees ? '' : '  *'}${r.meaning_changed ? '  ≠' : ''}`);
  }
  out.push('', '* the versions map the check differently or scored it differently');
  if (c.changed_meaning.length) {
    out.push('≠ meaning changed: a requirement with the same title maps different checks across versions');
    for (const t of c.changed_meaning) {
      out.push(`  ${t.title}`);
      for (const [b, v] of Object.entries(t.versions)) out.push(`    ${b} ${v.id}: ${v.checks.join(', ') || '(no check: manual)'}`);
    }
  } else {
    out.push('≠ none: every requirement the versions share by title maps the same checks');
  }
  for (const b of c.benchmarks) out.push(`${b.benchmark_id}: ${c.unmapped[b.benchmark_id]?.length ?? 0} manual requirement(s) without a check`);
  return `${out.join('\n')}\n`;
}
