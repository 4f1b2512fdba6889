import { csvNeedsQuotes, type Cell } from './safe-cell.js';

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return csvNeedsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Parses CSV text (RFC 4180 quoting) into rows; used by `calabi verify` and the tests. */
export function* parseCsv(text: string): Generator<string[]> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { /* CRLF: the \n ends the row */ }
    else if (ch === '\n') { row.push(field); yield row; row = []; field = ''; }
    else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); yield row; }
}
