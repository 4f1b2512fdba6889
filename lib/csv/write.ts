/**
 * Calabi's one CSV writer (csv-stringify): RFC 4180 quoting, a cell quoted when it holds the comma, a quote, a line
 * break or the `;` of semicolon locales (csvNeedsQuotes), CRLF line ends unless told otherwise. Every cell goes
 * through safeCell on its way out, so no caller can write a formula a spreadsheet would run.
 */
import { createRequire } from 'node:module';
import type { Options, Stringifier } from 'csv-stringify';
import { csvNeedsQuotes, safeCell } from './safe-cell.js';

// csv-stringify loads on first use (its CommonJS build, synchronously): `calabi --help` and the commands that
// never write CSV do not pay for it (test/cli/command-loading.test.ts).
const requireCjs = createRequire(import.meta.url);
let loaded: { async: typeof import('csv-stringify'); sync: typeof import('csv-stringify/sync') } | undefined;
const csvStringify = () =>
  (loaded ??= { async: requireCjs('csv-stringify') as typeof import('csv-stringify'), sync: requireCjs('csv-stringify/sync') as typeof import('csv-stringify/sync') });

/** CRLF for files (RFC 4180, what spreadsheets expect); LF for a terminal's standard output. */
export type LineEnd = '\r\n' | '\n';

export interface CsvWriteOptions {
  lineEnd?: LineEnd;
  /** Start with a UTF-8 byte-order mark, so Excel reads accents right. */
  bom?: boolean;
}

const cellText = (value: unknown): string => {
  const cell = safeCell(value);
  return cell === null ? '' : String(cell);
};

function options({ lineEnd = '\r\n', bom = false }: CsvWriteOptions): Options {
  return {
    bom,
    record_delimiter: lineEnd,
    // csv-stringify quotes the comma, the quote and line breaks itself; csvNeedsQuotes adds the `;`.
    quoted_match: csvNeedsQuotes,
    cast: { string: cellText, number: cellText, bigint: cellText, boolean: cellText, date: cellText, object: cellText },
  };
}

/** One record as a CSV line, line end included. */
export function csvLine(cells: readonly unknown[], lineEnd: LineEnd = '\r\n'): string {
  return csvText([cells], { lineEnd });
}

/** Records as CSV text, each line ended (the last one too). */
export function csvText(records: ReadonlyArray<readonly unknown[]>, writeOptions: CsvWriteOptions = {}): string {
  return csvStringify().sync.stringify(records as unknown[][], options(writeOptions));
}

/** A transform from records (arrays of cells) to CSV text, for exports too large to hold as one string. */
export function csvStringifier(writeOptions: CsvWriteOptions = {}): Stringifier {
  return csvStringify().async.stringify(options(writeOptions));
}
