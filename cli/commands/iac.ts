import type { Command } from 'commander';
import type { Check } from '../../controls/types.js';
import { verifiableReport } from '../../controls/verifiable.js';
import { severityRank } from '../../controls/severity.js';
import { formatIacReport, iacFormats, type IacFormat } from '../../sources/terraform/output/format.js';
import { iacReport, type IacReport } from '../../sources/terraform/output/report.js';
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
}

/**
 * Exit 1 when a requirement at or above --fail-on is FAIL or ERROR, as `evaluate`; NOT VERIFIABLE does not fail
 * the build (it is reported, with both scores), 0 otherwise.
 */
export function iacExitCode(report: IacReport, failOn: keyof typeof severityRank): number {
  const threshold = severityRank[failOn];
  return report.controls.some((c) => (c.status === 'FAIL' || c.status === 'ERROR') && (c.severity === null || severityRank[c.severity] >= threshold)) ? 1 : 0;
}

export async function runIac(file: string, flags: IacFlags): Promise<{ output: string; exitCode: number; report: IacReport }> {
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
  // The plan loader (DuckDB, the SDK's S3 types), the engine and the visibility rules load only for a plan.
  const { loadPlan } = await import('../../sources/terraform/load.js');
  const { evaluateBenchmark, findBenchmark } = await import('../../controls/engine.js');
  const { verifiabilityFacts } = await import('../../sources/terraform/visibility.js');
  const plan = await loadPlan(doc);
  try {
    const scan = await evaluateBenchmark({ db: plan.db, benchmarkId: flags.benchmark, catalog: prepared.catalog, trigger: 'iac' });
    const benchmark = findBenchmark(prepared.catalog, flags.benchmark);
    const checksOf = (id: string): Check[] =>
      (benchmark.requirements.find((r) => r.id === id)?.checks ?? []).map((c) => prepared.catalog.checks.get(c)).filter((c): c is Check => c !== undefined);
    const completeAccount = flags.completeAccount === true;
    const { controls, summary } = verifiableReport(scan, checksOf, verifiabilityFacts(plan, completeAccount));
    const report = iacReport(file, plan, scan, controls, summary, completeAccount);
    return { output: formatIacReport(report, format), exitCode: iacExitCode(report, prepared.failOn), report };
  } finally {
    plan.db.close();
  }
}

export const register: RegisterCommand = (program, setExit) => {
  program
    .command('iac')
    .argument('<plan>', 'output of `terraform show -json PLAN` (or of `terraform show -json` for a state)')
    .description('audit a Terraform plan or state before apply with the same checks, reporting NOT VERIFIABLE for what it cannot show')
    .option('--benchmark <id>', 'benchmark id (see: calabi benchmarks)', 'cis-aws-3.0')
    .option('--format <format>', `output: ${iacFormats.join(', ')}`, 'table')
    .option('--fail-on <severity>', 'exit 1 when a requirement of this severity or higher is FAIL or ERROR (critical, high, medium, low)', 'low')
    .option('--complete-account', 'the plan describes the whole account: a kind of resource absent from it is absent from the account')
    .option('--checks <dir>', 'also load custom .sql checks and benchmark files from DIR (repeatable)', (v: string, all: string[]) => [...all, ...v.split(':').filter(Boolean)], [] as string[])
    .action(async (file: string, flags: IacFlags) => {
      const { output, exitCode } = await runIac(file, flags);
      process.stdout.write(output);
      setExit(exitCode);
    });
};
