import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from '../../reports/csv.js';
import { neutralise, safeCell } from '../../lib/csv/safe-cell.js';
import { format } from '../../cli/commands/query.js';

// Red team: formula text that spreadsheets still evaluate although it does not start with = + - @ in ASCII.
describe('spreadsheet formula neutralisation beyond the ASCII prefixes', () => {
  const hidden: Array<[string, string]> = [
    ['a leading space', ' =1+1'],
    ['several leading spaces and a tab', '  \t+cmd'],
    ['a no-break space', '\u00a0=HYPERLINK("http://evil")'],
    ['a zero-width space', '\u200b=1+1'],
    ['a zero-width joiner', '\u200d@SUM(1)'],
    ['a byte-order mark', '\ufeff-2+3'],
    ['an ideographic space', '\u3000=1'],
    ['a full-width equals sign', '\uff1dHYPERLINK("http://evil")'],
    ['a full-width plus sign', '\uff0b1'],
    ['a full-width minus sign', '\uff0d1'],
    ['a full-width commercial at', '\uff20SUM(1)'],
    ['a space before a full-width equals sign', ' \uff1d1'],
  ];

  it.each(hidden)('neutralises a cell that hides a formula behind %s', (_name, text) => {
    expect(neutralise(text)).toBe(`'${text}`);
    expect(safeCell(text)).toBe(`'${text}`);
  });

  it('leaves text that merely contains spaces or symbols alone', () => {
    for (const text of ['bucket 1', ' plain', 'a=b', 'x-y', '\u00a0name', 'mail@example.com']) expect(neutralise(text)).toBe(text);
  });

  it('quotes a cell holding the separator of ;-locales, so it stays in its column', () => {
    const line = csvLine(['a;=1+1', 'plain', 'x']);
    expect(line).toBe('"a;=1+1",plain,x\r\n');
    expect([...parseCsv(line)]).toEqual([['a;=1+1', 'plain', 'x']]);
  });

  it('calabi query --format csv quotes ; and neutralises hidden formulas', async () => {
    const out = await format({ columns: [{ name: 'a', type: 'VARCHAR' }, { name: 'b', type: 'VARCHAR' }], rows: [['x;y', '\u200b=1']], row_count: 1, truncated: false, elapsed_ms: 1 }, 'csv');
    expect(out).toBe('a,b\n"x;y",\'\u200b=1\n');
  });
});
