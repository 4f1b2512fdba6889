import type { Command } from 'commander';
import { openDb } from '../context.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

interface FrameworksFlags {
  format?: string;
  checks?: string[];
}

/** `calabi frameworks`: every benchmark's latest score, counts and failed by severity, side by side. */
export const register: RegisterCommand = (program) => {
  program
    .command('frameworks')
    .description("every benchmark side by side from one inventory: each one's latest score, counts by status and failed by severity")
    .option('--format <format>', 'table or json', 'table')
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
      const db = await openDb(cmd, { readsOnly: true });
      try {
        const posture = await frameworksPosture(db, catalog);
        const color = flags.format === 'table' && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        process.stdout.write(flags.format === 'json' ? `${JSON.stringify(posture, null, 2)}\n` : formatFrameworks(posture, { color }));
      } finally {
        db.close();
      }
    });
};
