/**
 * Calabi's one CSV reader (csv-parse): RFC 4180 fields (quoted fields may hold commas, doubled quotes and line
 * breaks), a leading byte-order mark dropped, CRLF or LF line ends, empty lines skipped. Rows may differ in width:
 * each caller checks the shape it expects and says what is wrong in its own terms.
 */
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import type { Options, Parser } from 'csv-parse';

// csv-parse loads on first use (its CommonJS build, synchronously): `calabi --help` and the commands that never
// read CSV do not pay for it (test/cli/command-loading.test.ts).
const requireCjs = createRequire(import.meta.url);
let loaded: { async: typeof import('csv-parse'); sync: typeof import('csv-parse/sync') } | undefined;
const csvParse = () => (loaded ??= { async: requireCjs('csv-parse') as typeof import('csv-parse'), sync: requireCjs('csv-parse/sync') as typeof import('csv-parse/sync') });

/** Whether an error is the parser's own (malformed CSV), as opposed to a read failure. */
export function isCsvError(error: unknown): error is Error {
  return error instanceof csvParse().async.CsvError;
}

/** What the reader throws for text that is not well-formed CSV (its message names the line). */

export interface CsvReadOptions {
  /** The field separator (default `,`; Prowler writes `;`). */
  delimiter?: string;
  /** Also skip rows whose fields are all empty (`,,,`), as in catalogues edited by hand. */
  skipBlankRows?: boolean;
  /** Take a quote inside an unquoted field literally instead of refusing the file (third-party files only). */
  relaxQuotes?: boolean;
}

function options({ delimiter = ',', skipBlankRows = false, relaxQuotes = false }: CsvReadOptions): Options {
  return { bom: true, delimiter, relax_column_count: true, relax_quotes: relaxQuotes, skip_empty_lines: true, skip_records_with_empty_values: skipBlankRows };
}

/** Every row of CSV text; throws an Error naming the line when the text is not well-formed CSV. */
export function parseCsv(text: string | Buffer, readOptions: CsvReadOptions = {}): string[][] {
  return csvParse().sync.parse(text, options(readOptions)) as string[][];
}

/** Every row of a CSV file; a file that is not well-formed CSV is an Error naming the file and the line. */
export function readCsvFile(file: string, readOptions: CsvReadOptions = {}): string[][] {
  const text = readFileSync(file);
  try {
    return parseCsv(text, readOptions);
  } catch (cause) {
    throw new Error(`${file}: not well-formed CSV (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}

/** Rows keyed by the header row's names. */
export function parseCsvRecords(text: string | Buffer, readOptions: CsvReadOptions = {}): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(text, readOptions);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** The rows of a CSV stream, one at a time (a findings export can be large). */
export function csvRows(input: Readable, readOptions: CsvReadOptions = {}): Parser {
  const parser = csvParse().async.parse(options(readOptions));
  // pipe() does not forward a read error (a missing file): the rows' consumer must see it.
  input.once('error', (error) => parser.destroy(error));
  return input.pipe(parser);
}
