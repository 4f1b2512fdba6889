import type { Command } from 'commander';
import type { ScanReport } from '../../controls/types.js';
import { backendOf } from '../backend.js';
import { dbPathOf } from '../context.js';
import { UsageError } from '../errors.js';
import type { Catalog } from '../../controls/loader.js';
import type { EvaluationLimits } from '../../controls/limits.js';
import type { Severity } from '../../controls/types.js';

/** evaluate.ts's own checks, handed in (evaluate.ts loads this file: importing it back would be a cycle). */
export interface EvaluateHelpers {
  prepareEvaluation(benchmarkId: null, flags: EvaluateFlags): Promise<{ catalog: Catalog; format: string; failOn: Severity; limits: EvaluationLimits; checksDirs: string[] }>;
  exitCodeOf(report: ScanReport, failOn: Severity): number;
}

/** The flags of `calabi evaluate` this file reads (evaluate.ts has them all). */
export interface EvaluateFlags {
  format?: string;
  checks?: string[];
}

/** `all`, or a comma list of two or more ids: several benchmarks evaluated at once (each check run once). */
export function isMany(argument: string): boolean {
  return argument === 'all' || argument.includes(',');
}

/**
 * Evaluates several benchmarks over the current inventory in one pass and records one scan each (the same scan
 * each gets alone). Prints the frameworks table of them (table), their reports as one JSON array (json), or every
 * requirement row of each (csv, one header); the exit code is the worst of theirs.
 */
export async function runMany(cmd: Command, argument: string, flags: EvaluateFlags, { prepareEvaluation, exitCodeOf }: EvaluateHelpers): Promise<number> {
  const asked = argument === 'all' ? null : argument.split(',').map((s) => s.trim()).filter(Boolean);
  if (asked && asked.length === 0) throw new UsageError('name the benchmarks to evaluate, e.g. cis-aws-3.0,aws-fsbp, or all');
  // Flags and limits are checked as for one benchmark; the ids below, all before anything runs.
  const prepared = await prepareEvaluation(null, flags);
  const { benchmarksInOrder } = await import('../../controls/benchmarks.js');
  const { findBenchmark, UnknownBenchmarkError } = await import('../../controls/engine.js');
  const ids = asked ?? benchmarksInOrder(prepared.catalog).map((b) => b.id);
  for (const id of ids) {
    try {
      findBenchmark(prepared.catalog, id);
    } catch (error) {
      if (error instanceof UnknownBenchmarkError) throw new UsageError(`${error.message} List them with: calabi benchmarks`, { cause: error });
      throw error;
    }
  }
  // Evaluated here on the file, or inside a running `calabi serve` (cli/beside/ops.ts); formatted here either way.
  const { reports, posture } = await (await backendOf(cmd)).call('evaluateMany', {
    benchmarkIds: ids, checksDirs: prepared.checksDirs, limits: prepared.limits, dbLabel: dbPathOf(cmd), withPosture: prepared.format === 'table',
  });
  let table = '';
  if (posture) {
    const { formatFrameworks } = await import('../../reports/format-frameworks.js');
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    const shown = { ...posture, frameworks: posture.frameworks.filter((f) => ids.includes(f.id)) };
    // All of them were just evaluated over one inventory: the note about other syncs does not apply to them.
    table = formatFrameworks({ ...shown, note: null }, { color }) + `\nEach benchmark's report: calabi export <scan id> (or the page); all of them: calabi frameworks\n`;
  }
  if (prepared.format === 'json') process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else if (prepared.format === 'csv') {
    const { formatReport } = await import('../../reports/format-report.js');
    process.stdout.write(reports.map((r, i) => (i === 0 ? formatReport(r, 'csv') : formatReport(r, 'csv').replace(/^[^\n]*\n/, ''))).join(''));
  } else process.stdout.write(table);
  return Math.max(...reports.map((r) => exitCodeOf(r, prepared.failOn)));
}
