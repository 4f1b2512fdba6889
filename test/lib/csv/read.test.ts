import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, parseCsv, parseCsvRecords, readCsvFile } from '../../../lib/csv/read.js';
import { csvText } from '../../../lib/csv/write.js';

const dir = mkdtempSync(join(tmpdir(), 'calabi-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CSV reader', () => {
  it('reads back what the writer wrote: quotes, separators, line breaks, byte-order mark', () => {
    const records = [['a', 'b,c', 'say "hi"'], ['two\r\nlines', 'x;y', '']];
    expect(parseCsv(`\ufeff${csvText(records)}`)).toEqual(records);
  });

  it('reads LF files and skips empty lines; rows of any width are kept for the caller to judge', () => {
    expect(parseCsv('a,b\n\nc\nd,e,f\n')).toEqual([['a', 'b'], ['c'], ['d', 'e', 'f']]);
  });

  it('skips rows of empty fields only when asked (hand-edited catalogues)', () => {
    expect(parseCsv('a,b\n,\nc,d\n', { skipBlankRows: true })).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\n,\nc,d\n')).toEqual([['a', 'b'], ['', ''], ['c', 'd']]);
  });

  it('reads semicolon files with stray quotes as named by the header (Prowler)', () => {
    expect(parseCsvRecords('ID;STATUS\n1.1;"PASS"\n2.1;say "x"\n', { delimiter: ';', relaxQuotes: true })).toEqual([{ ID: '1.1', STATUS: 'PASS' }, { ID: '2.1', STATUS: 'say "x"' }]);
  });

  it('refuses a file that is not well-formed CSV, naming the file and the line', () => {
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'a,b\nc,"unterminated\n');
    expect(() => readCsvFile(file)).toThrow(/broken\.csv: not well-formed CSV.*line/);
  });

  it('streams rows one at a time and passes on a read error', async () => {
    const rows: string[][] = [];
    for await (const row of csvRows(Readable.from(['\ufeffa,b\r\n"c,', 'd",e\r\n']))) rows.push(row as string[]);
    expect(rows).toEqual([['a', 'b'], ['c,d', 'e']]);
    const failing = new Readable({ read() { this.destroy(new Error('disk gone')); } });
    await expect(async () => { for await (const _ of csvRows(failing)) void _; }).rejects.toThrow(/disk gone/);
  });
});
