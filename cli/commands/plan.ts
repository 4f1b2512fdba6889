import type { Command } from 'commander';
import { openForReading } from '../backend.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

const formats = ['table', 'json', 'md'] as const;

interface PlanFlags {
  frameworks?: string;
  scan: string;
  format: string;
  maxResources: string;
  checks: string[];
}

export const register: RegisterCommand = (program) => {
  program
    .command('plan <benchmark>')
    .description(
      "remediation plan from a benchmark's latest scan: failing checks ordered by the requirements fixing each one fixes (weighted by " +
        'severity) across the selected frameworks, in phases (critical and high first), with the projected score of each framework after each phase',
    )
    .option('--frameworks <ids>', 'comma-separated other benchmarks whose latest scans count what each fix gains (e.g. aws-fsbp,cis-aws-7.0)')
    .option('--scan <ref>', "the benchmark's scan: an id, a unique prefix, or latest", 'latest')
    .option('--format <format>', `${formats.join(', ')}`, 'table')
    .option('--max-resources <n>', 'failing resources listed per check (all are counted)', '20')
    .option('--checks <dir>', 'also load custom checks and benchmarks from DIR (for their steps; repeatable; $CALABI_CHECKS too)', (v: string, all: string[]) => [...all, ...v.split(':').filter(Boolean)], [] as string[])
    .action(async (benchmarkId: string, flags: PlanFlags, cmd: Command) => {
      if (!(formats as readonly string[]).includes(flags.format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not '${flags.format}'`);
      const maxResources = Number(flags.maxResources);
      if (!Number.isInteger(maxResources) || maxResources < 0) throw new UsageError(`--max-resources must be a whole number, not '${flags.maxResources}'`);
      const frameworks = (flags.frameworks ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const { loadCatalog, CatalogConfigError } = await import('../../controls/loader.js');
      const { findBenchmark, UnknownBenchmarkError } = await import('../../controls/engine.js');
      const { remediationPlan } = await import('../../reports/plan-data.js');
      const { formatPlan } = await import('../../reports/plan-format.js');
      const { ScanNotFoundError } = await import('../../schema/scans.js');
      const catalog = (() => {
        try {
          return loadCatalog({ checksDirs: flags.checks });
        } catch (error) {
          if (error instanceof CatalogConfigError) throw new UsageError(error.message, { cause: error });
          throw error;
        }
      })();
      for (const id of [benchmarkId, ...frameworks]) {
        try {
          findBenchmark(catalog, id);
        } catch (error) {
          if (error instanceof UnknownBenchmarkError) throw new UsageError(`${error.message} List them with: calabi benchmarks`, { cause: error });
          throw error;
        }
      }
      const db = await openForReading(cmd, { readsOnly: true });
      try {
        const plan = await remediationPlan(db, catalog, { benchmarkId, scan: flags.scan, frameworks, maxResources }).catch((error: unknown) => {
          if (error instanceof ScanNotFoundError) throw new UsageError(error.message.replace(/^\[reports\] /, ''), { cause: error });
          throw error;
        });
        process.stdout.write(flags.format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : formatPlan(plan, flags.format as 'table' | 'md'));
      } finally {
        db.close();
      }
    });
};
