import type { Command } from 'commander';
import { openForReading } from '../backend.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

interface FrameworksFlags {
  format?: string;
  resource?: string;
  checks?: string[];
}

/** `calabi frameworks`: every benchmark's latest score, counts and failed by severity, side by side. */
export const register: RegisterCommand = (program) => {
  program
    .command('frameworks')
    .description("every benchmark side by side from one inventory: each one's latest score, counts by status and failed by severity")
    .option('--format <format>', 'table or json', 'table')
    .option('--resource <id>', 'instead: every requirement this resource (an ARN as findings name it) breaks, in every benchmark')
    .option('--checks <dir>', 'also list custom benchmarks from DIR (repeatable; $CALABI_CHECKS too)', (v: string, all: string[]) => [...all, ...v.split(':').filter(Boolean)], [] as string[])
    .action(async (flags: FrameworksFlags, cmd: Command) => {
      if (flags.format !== 'table' && flags.format !== 'json') throw new UsageError(`--format must be table or json, not '${flags.format}'`);
      const { CatalogConfigError, loadCatalog } = await import('../../controls/loader.js');
      const { frameworksPosture } = await import('../../controls/frameworks.js');
      const { formatFrameworks } = await import('../../reports/format-frameworks.js');
      let catalog;
      try {
        catalog = loadCatalog({ checksDirs: flags.checks });
      } catch (error) {
        if (error instanceof CatalogConfigError) throw new UsageError(error.message, { cause: error });
        throw error;
      }
      const db = await openForReading(cmd, { readsOnly: true });
      try {
        if (flags.resource !== undefined) {
          const { requirementsOfResource } = await import('../../controls/resource-requirements.js');
          const found = await requirementsOfResource(db, catalog, flags.resource);
          process.stdout.write(flags.format === 'json' ? `${JSON.stringify(found, null, 2)}\n` : formatResource(found));
          return;
        }
        const posture = await frameworksPosture(db, catalog);
        const color = flags.format === 'table' && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        process.stdout.write(flags.format === 'json' ? `${JSON.stringify(posture, null, 2)}\n` : formatFrameworks(posture, { color }));
      } finally {
        db.close();
      }
    });
};

/** "arn:… fails 7 requirements in 3 benchmarks", then one line per benchmark with its requirement ids. */
function formatResource(r: { resource_id: string; failing_checks: Array<{ check_id: string; reason: string }>; breaks: Array<{ benchmark_id: string; requirement_id: string }> }): string {
  if (!r.breaks.length) return `${r.resource_id}: no failing check finds this resource in the latest scan of any benchmark.\n`;
  const byBenchmark = new Map<string, string[]>();
  for (const b of r.breaks) byBenchmark.set(b.benchmark_id, [...(byBenchmark.get(b.benchmark_id) ?? []), b.requirement_id]);
  const width = Math.max(...[...byBenchmark.keys()].map((k) => k.length));
  return [
    `${r.resource_id} fails ${r.breaks.length} requirements in ${byBenchmark.size} benchmarks`,
    ...r.failing_checks.map((c) => `  check ${c.check_id}: ${c.reason}`),
    '',
    ...[...byBenchmark].map(([id, reqs]) => `${id.padEnd(width)}  ${reqs.join(', ')}`),
  ].join('\n') + '\n';
}
