import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { csvLine, csvStringifier, csvText } from '../../../lib/csv/write.js';

describe('the CSV writer', () => {
  it('writes RFC 4180 lines with CRLF, quoting only the cells that need it', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'a;b', ''])).toBe('plain,"a,b","say ""hi""","two\nlines","cr\rhere","a;b",\r\n');
  });

  it('writes numbers as numbers (a negative one unquoted and unmarked) and null as an empty cell', () => {
    expect(csvLine([-5, 0, 1.5, null, undefined, Number.NaN, true])).toBe('-5,0,1.5,,,,true\r\n');
  });

  it('neutralises every text cell it writes, so no caller can emit a formula', () => {
    const hostile = ['=HYPERLINK("http://evil","x")', '+1', '-cmd', '@SUM(1)', '\ttab', '\rcr', ' =1', '\u00a0=1', '\u200b=1', '\uff1d1', '\uff0b1', '\uff0d1', '\uff20x'];
    const line = csvLine(hostile);
    expect(line).toBe(`"'=HYPERLINK(""http://evil"",""x"")",'+1,'-cmd,'@SUM(1),'\ttab,"'\rcr",' =1,'\u00a0=1,'\u200b=1,'\uff1d1,'\uff0b1,'\uff0d1,'\uff20x\r\n`);
  });

  it('leaves an already neutralised cell as it is, so re-writing a read file keeps its bytes', () => {
    expect(csvLine(["'=1", "'-2"])).toBe("'=1,'-2\r\n");
  });

  it('writes LF line ends for standard output when asked', () => {
    expect(csvText([['a', 'b'], ['x;y', 1]], { lineEnd: '\n' })).toBe('a,b\n"x;y",1\n');
  });

  it('streams the same bytes as the one-shot writer, after a byte-order mark', async () => {
    const records = [['h1', 'h2'], ['=x', 'a,b'], [-1, null]];
    const streamed = await buffer(Readable.from(records).pipe(csvStringifier({ bom: true })));
    expect(streamed.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(streamed.subarray(3).toString('utf8')).toBe(csvText(records));
  });
});
