import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { globalOptions } from '../context.js';
import { openForReading } from '../backend.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';

export const register: RegisterCommand = (program, setExit) => {
  program
    .command('verify <file>')
    .description('check an exported CSV, XLSX or PDF against the stored scan: prints match (exit 0) or mismatch (exit 1)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: { json?: boolean }, cmd: Command) => {
      if (!existsSync(file)) throw new UsageError(`no file ${file}`);
      const { verifyExport } = await import('../../reports/verify.js');
      const db = await openForReading(cmd);
      try {
        const result = await verifyExport(db, file);
        if (flags.json || globalOptions(cmd).jsonLogs) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        } else {
          process.stdout.write(`${result.ok ? 'match' : 'mismatch'}: ${file} (${result.format}) — scan ${result.scanId ?? '?'}, report id in file ${result.fileReportId ?? '?'}\n`);
          for (const c of result.checks) process.stdout.write(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
        }
        setExit(result.ok ? 0 : 1);
      } finally {
        db.close();
      }
    });
};
