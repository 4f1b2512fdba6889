import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import type { CsvLevel } from '../../reports/csv.js';
import { exportFormats } from '../../reports/export-formats.js';
import { openForReading } from '../backend.js';
import { UsageError } from '../errors.js';
import { AtomicOutput, assertWritableTarget } from '../output-file.js';
import type { RegisterCommand } from './register.js';

interface ExportFlags {
  format: string;
  output?: string;
  benchmark?: string;
  org?: string;
  level?: string;
  pdfMaxResources?: string;
  homeRegion?: string;
}

export const register: RegisterCommand = (program) => {
  program
    .command('export <scan>')
    .description('write a stored scan (an id, a unique prefix, or "latest") as CSV, XLSX or PDF for auditors (the report id in it can be checked with calabi verify), or its findings as OCSF, ASFF or Parquet for other tools')
    .requiredOption('--format <format>', `file format: ${exportFormats.join(', ')}`)
    .option('-o, --output <file>', 'where to write ("-" for stdout; default: a descriptive name in the current folder)')
    .option('--benchmark <id>', 'with "latest": the newest scan of this benchmark')
    .option('--org <name>', 'organization name printed on the export (default: $CALABI_ORG)')
    .option('--level <level>', 'CSV: controls (one row per requirement, default) or findings (one row per failing resource)', 'controls')
    .option('--pdf-max-resources <n>', 'PDF: failing resources listed per requirement', '1000')
    .option('--home-region <region>', "ASFF: the region findings about global resources (IAM, the account) are imported into (default: the partition's home region, us-east-1 for aws)")
    .action(async (ref: string, flags: ExportFlags, cmd: Command) => {
      // The writers (exceljs, pdfkit) load when an export runs, not for --help.
      const { assertExportable, exportFileName, exportScan, NotALiveScanError, parseFormat, ScanNotExportableError } = await import('../../reports/export.js');
      const { resolveScan, ScanNotFoundError } = await import('../../schema/scans.js');
      let format;
      try {
        format = parseFormat(flags.format);
      } catch (error) {
        throw new UsageError(`--format: ${(error as Error).message}`);
      }
      if (flags.level !== 'controls' && flags.level !== 'findings') throw new UsageError(`--level must be controls or findings, not '${flags.level}'`);
      const maxResources = Number(flags.pdfMaxResources);
      if (!Number.isInteger(maxResources) || maxResources < 0) throw new UsageError(`--pdf-max-resources must be a whole number, not '${flags.pdfMaxResources}'`);
      // A wrong --output is a usage error before any work, not a stack after it.
      if (format === 'parquet') {
        if (flags.output === '-') throw new UsageError('--output -: Parquet is a directory of files and cannot go to stdout; give a directory path');
        const { assertParquetTarget, ParquetTargetError } = await import('../../reports/interop/parquet.js');
        try {
          if (flags.output !== undefined) assertParquetTarget(flags.output);
        } catch (error) {
          throw error instanceof ParquetTargetError ? new UsageError(`--output: ${error.message}`) : error;
        }
      } else if (flags.output !== undefined && flags.output !== '-') assertWritableTarget(flags.output, '--output');
      const db = await openForReading(cmd);
      try {
        const scan = await resolveScan(db, ref, flags.benchmark).catch((error: unknown) => {
          throw error instanceof ScanNotFoundError ? new UsageError(error.message.replace(/^\[reports\] /, '')) : error;
        });
        try {
          assertExportable(scan, format);
        } catch (error) {
          throw error instanceof ScanNotExportableError || error instanceof NotALiveScanError ? new UsageError(error.message.replace(/^\[reports\] /, '')) : error;
        }
        const level = flags.level as CsvLevel;
        const file = flags.output ?? exportFileName(scan, format, level);
        if (format === 'parquet') {
          const { writeParquet } = await import('../../reports/interop/parquet.js');
          const written = await writeParquet(db, scan, file);
          process.stderr.write(`Wrote ${written.dir}/: ${scan.benchmark_id} scan ${scan.id}, ${written.findings} finding(s), ${Object.keys(written.tables).length} inventory table(s), partitioned by account_id and region\n`);
          return;
        }
        const homeRegion = flags.homeRegion;
        if (file === '-') {
          // stdout never emits 'finish' (Node keeps it open), so the writers get a pass-through piped into it.
          const out = new PassThrough();
          const piped = new Promise((resolve) => out.pipe(process.stdout, { end: false }).on('unpipe', resolve));
          await exportScan(db, scan, out, { format, level, organization: flags.org ?? process.env.CALABI_ORG, maxResourcesPerControl: maxResources, homeRegion });
          await piped;
          return;
        }
        const output = AtomicOutput.open(file);
        let reportId: string;
        try {
          reportId = await exportScan(db, scan, output.stream, { format, level, organization: flags.org ?? process.env.CALABI_ORG, maxResourcesPerControl: maxResources, homeRegion });
        } catch (error) {
          // A failed write surfaces in the writer as a stream error: say what happened to the file instead.
          throw output.abandon(error);
        }
        await output.commit();
        process.stderr.write(`Wrote ${file}: ${scan.benchmark_id} scan ${scan.id} of ${scan.started_at}, report id ${reportId}\n`);
      } finally {
        db.close();
      }
    });
};
