import type { Command } from 'commander';
import { formatReport, reportFormats, type ReportFormat } from '../../reports/format-report.js';
import { LimitError, resolveLimits, type EvaluationLimits } from '../../controls/limits.js';
import type { Catalog } from '../../controls/loader.js';
import { severityRank } from '../../controls/severity.js';
import type { ScanReport, Severity } from '../../controls/types.js';
import { backendOf } from '../backend.js';
import { dbPathOf } from '../context.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

export interface EvaluateFlags {
  format?: string;
  failOn?: string;
  checks?: string[];
  maxResources?: string;
  checkTimeout?: string;
  maxDataAge?: string;
}

const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export function addEvaluateOptions(cmd: Command): Command {
  cmd
    .option('--format <format>', `output: ${reportFormats.join(', ')}`, 'table')
    .option(
      '--fail-on <severity>',
      'exit 1 when a requirement of this severity or higher is FAIL or ERROR (critical, high, medium, low)',
      'low',
    )
    .option('--checks <dir>', 'also load custom .sql checks and benchmark files from DIR (repeatable; $CALABI_CHECKS too)', (v: string, all: string[]) => [...all, ...v.split(':').filter(Boolean)], [] as string[])
    .option('--max-resources <n>', 'failing resources listed under each failed control in the table (0 = all)', '25');
  return addLimitOptions(cmd);
}

/** --check-timeout and --max-data-age (evaluate, scan, run); defaults from CALABI_CHECK_TIMEOUT / CALABI_MAX_DATA_AGE. */
export function addLimitOptions(cmd: Command): Command {
  return cmd
    .option('--check-timeout <seconds>', 'stop a check after this long and report it as ERROR (or with a unit: 90s, 5m; default: $CALABI_CHECK_TIMEOUT or 60)')
    .option('--max-data-age <days>', 'data collected longer ago is in doubt: its requirements are ERROR (or with a unit: 12h, 2w; 0 = no limit; default: $CALABI_MAX_DATA_AGE or 7)');
}

/** The evaluation limits from the flags and the environment; a bad value is a usage error (exit 2). */
export function limitsFrom(flags: { checkTimeout?: string; maxDataAge?: string }): EvaluationLimits {
  try {
    return resolveLimits(flags);
  } catch (error) {
    if (error instanceof LimitError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

export interface PreparedEvaluation {
  catalog: Catalog;
  format: ReportFormat;
  failOn: Severity;
  maxResources: number;
  limits: EvaluationLimits;
  /** The custom check directories the catalogue was loaded from (absolute, $CALABI_CHECKS included). */
  checksDirs: string[];
}

/**
 * Checks the flags and the benchmark id before anything runs, so `scan` does not sync for nothing. The catalog
 * loader (zod) and the engine (DuckDB) load here, not when the command registers its options for --help.
 */
export async function prepareEvaluation(benchmarkId: string | null, flags: EvaluateFlags): Promise<PreparedEvaluation> {
  const format = (flags.format ?? 'table') as ReportFormat;
  if (!reportFormats.includes(format)) throw new UsageError(`--format must be one of ${reportFormats.join(', ')}, not '${flags.format}'`);
  const failOn = (flags.failOn ?? 'low') as Severity;
  if (!severities.includes(failOn)) throw new UsageError(`--fail-on must be one of ${severities.join(', ')}, not '${flags.failOn}'`);
  const maxResources = Number(flags.maxResources ?? 25);
  if (!Number.isInteger(maxResources) || maxResources < 0) throw new UsageError(`--max-resources must be a whole number (0 = all), not '${flags.maxResources}'`);
  const limits = limitsFrom(flags);
  const { CatalogConfigError, customCheckDirs, loadCatalog } = await import('../../controls/loader.js');
  const { findBenchmark, UnknownBenchmarkError } = await import('../../controls/engine.js');
  let catalog: Catalog;
  try {
    catalog = loadCatalog({ checksDirs: flags.checks });
  } catch (error) {
    if (error instanceof CatalogConfigError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  for (const p of catalog.problems) process.stderr.write(`calabi: warning: ${p.message}\n`);
  try {
    if (benchmarkId !== null) findBenchmark(catalog, benchmarkId);
  } catch (error) {
    if (error instanceof UnknownBenchmarkError) throw new UsageError(`${error.message} List them with: calabi benchmarks`, { cause: error });
    throw error;
  }
  return { catalog, format, failOn, maxResources, limits, checksDirs: customCheckDirs({ checksDirs: flags.checks }) };
}

/**
 * Exit code of an evaluation: 1 when a requirement at or above --fail-on is FAIL, or is ERROR (fail closed: a
 * requirement we could not evaluate must not let a pipeline pass; one whose severity is unknown because its
 * check could not even be loaded counts at any threshold); 0 otherwise. SKIP and MANUAL never fail.
 */
export function exitCodeOf(report: ScanReport, failOn: Severity): number {
  const threshold = severityRank[failOn];
  const gating = report.controls.filter(
    (c) => (c.status === 'FAIL' || c.status === 'ERROR') && (c.severity === null || severityRank[c.severity] >= threshold),
  );
  return gating.length > 0 ? 1 : 0;
}

/**
 * Evaluates (here on the file, or inside a running `calabi serve`), records the scan, prints it in the chosen
 * format on stdout, and returns the exit code. An empty inventory is refused (cli/beside/ops.ts).
 */
export async function runEvaluation(cmd: Command, benchmarkId: string, prepared: PreparedEvaluation, syncRunId?: string): Promise<number> {
  const report: ScanReport = await (await backendOf(cmd)).call('evaluate', {
    benchmarkId, checksDirs: prepared.checksDirs, limits: prepared.limits, syncRunId, dbLabel: dbPathOf(cmd),
  });
  const color = prepared.format === 'table' && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(formatReport(report, prepared.format, { color, maxResources: prepared.maxResources, width: process.stdout.columns ?? 100 }));
  return exitCodeOf(report, prepared.failOn);
}

export const register: RegisterCommand = (program, setExit) => {
  addEvaluateOptions(
    program
      .command('evaluate')
      .argument('<benchmark>', 'benchmark id, e.g. cis-aws-3.0 (see: calabi benchmarks); several as a comma list, or all: each check runs once for all of them')
      .description('evaluate a benchmark against the current inventory (no AWS calls), record the scan and print it'),
  ).action(async (benchmarkId: string, flags: EvaluateFlags, cmd: Command) => {
    const many = await import('./evaluate-many.js');
    if (many.isMany(benchmarkId)) return setExit(await many.runMany(cmd, benchmarkId, flags, { prepareEvaluation, exitCodeOf }));
    const prepared = await prepareEvaluation(benchmarkId, flags);
    setExit(await runEvaluation(cmd, benchmarkId, prepared));
  });
};
