import type { Command } from 'commander';
import { severityRank } from '../../controls/severity.js';
import { formatIacReport, iacFormats, type IacFormat } from '../../sources/terraform/output/format.js';
import type { IacReport } from '../../sources/terraform/output/report.js';
import type { PlanEvaluation } from '../../sources/terraform/evaluate.js';
import { addServeOptions, type ServeFlags } from './serve.js';
import { PlanFormatError, readPlanFile } from '../../sources/terraform/plan.js';
import { UsageError } from '../errors.js';
import { prepareEvaluation } from './evaluate.js';
import type { RegisterCommand } from './register.js';

interface IacFlags {
  benchmark: string;
  format: string;
  failOn: string;
  completeAccount?: boolean;
  checks?: string[];
  /** Store the scan in this Calabi database of its own (iac-store.ts). */
  save?: string;
  /** The live account's database, opened read-only: drift before apply. */
  liveDb?: string;
}

/**
 * Exit 1 when a requirement at or above --fail-on is FAIL or ERROR, as `evaluate`; NOT VERIFIABLE does not fail
 * the build (it is reported, with both scores), 0 otherwise.
 */
export function iacExitCode(report: IacReport, failOn: keyof typeof severityRank): number {
  const threshold = severityRank[failOn];
  return report.controls.some((c) => (c.status === 'FAIL' || c.status === 'ERROR') && (c.severity === null || severityRank[c.severity] >= threshold)) ? 1 : 0;
}

export async function runIac(file: string, flags: IacFlags): Promise<{ output: string; exitCode: number; report: IacReport; evaluation: PlanEvaluation; scanId: string | null }> {
  const format = flags.format as IacFormat;
  if (!iacFormats.includes(format)) throw new UsageError(`--format must be one of ${iacFormats.join(', ')}, not '${flags.format}'`);
  const prepared = await prepareEvaluation(flags.benchmark, { failOn: flags.failOn, checks: flags.checks });
  let doc;
  try {
    doc = readPlanFile(file);
  } catch (error) {
    if (error instanceof PlanFormatError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  // The plan loader (DuckDB), the engine and the IaC store load only when a plan is audited, not for --help.
  const { evaluatePlan } = await import('../../sources/terraform/evaluate.js');
  const { addDrift, saveToFile } = await import('./iac-store.js');
  const evaluation = await evaluatePlan(doc, { file, benchmarkId: flags.benchmark, catalog: prepared.catalog, completeAccount: flags.completeAccount === true });
  const { report } = evaluation;
  if (flags.liveDb) await addDrift(report, flags.liveDb);
  const scanId = flags.save ? await saveToFile(flags.save, evaluation) : null;
  return { output: formatIacReport(report, format), exitCode: iacExitCode(report, prepared.failOn), report, evaluation, scanId };
}

export const register: RegisterCommand = (program, setExit) => {
  addServeOptions(program.command('iac'))
    .argument('<plan>', 'output of `terraform show -json PLAN` (or of `terraform show -json` for a state)')
    .description('audit a Terraform plan or state before apply with the same checks, reporting NOT VERIFIABLE for what it cannot show')
    .option('--benchmark <id>', 'benchmark id (see: calabi benchmarks)', 'cis-aws-3.0')
    .option('--format <format>', `output: ${iacFormats.join(', ')}`, 'table')
    .option('--fail-on <severity>', 'exit 1 when a requirement of this severity or higher is FAIL or ERROR (critical, high, medium, low)', 'low')
    .option('--complete-account', 'the plan describes the whole account: a kind of resource absent from it is absent from the account')
    .option('--checks <dir>', 'also load custom .sql checks and benchmark files from DIR (repeatable)', (v: string, all: string[]) => [...all, ...v.split(':').filter(Boolean)], [] as string[])
    .option('--save <file>', 'store the scan (NOT VERIFIABLE included) in this Calabi database of its own, never a live one; serve it with calabi serve --db FILE')
    .option('--serve', 'serve the scan on the page (from --save FILE, else a temporary database)')
    .option('--live-db <file>', 'the live account\'s Calabi database (opened read-only): each requirement\'s latest live status beside the plan\'s (plan fixes, plan breaks, same, unknown)')
    .action(async (file: string, flags: IacFlags & ServeFlags & { serve?: boolean }) => {
      const { checkServeFlags, serveIac } = await import('./iac-store.js');
      if (flags.serve) checkServeFlags(flags); // a bad --port or a missing token stops before the evaluation
      const { output, exitCode, evaluation } = await runIac(file, flags);
      process.stdout.write(output);
      setExit(exitCode);
      if (flags.serve) await serveIac(evaluation, flags);
    });
};
