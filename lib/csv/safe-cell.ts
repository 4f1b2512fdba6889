/**
 * Spreadsheet formula neutralisation. Resource names, tags and reasons come from the cloud and can be hostile:
 * a bucket tag `=HYPERLINK("http://evil","click")` must stay text when an auditor opens the file. A text cell that
 * begins with `=`, `+`, `-`, `@`, tab or carriage return gets a leading single quote, which every spreadsheet shows
 * as text (OWASP "CSV injection"). Spreadsheets also trim or skip leading blanks and read the full-width forms
 * `＝＋－＠` as their ASCII twins, so a formula character behind spaces, no-break spaces or zero-width characters,
 * or in full width, is neutralised too. Numbers we generate ourselves are written as numbers and left alone.
 */
const dangerous = /^[\t\r]|^[\s\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

export function neutralise(value: string): string {
  return dangerous.test(value) ? `'${value}` : value;
}

export type Cell = string | number | null;

/** Neutralises text cells; numbers and empty cells pass through. */
export function safeCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutralise(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * A CSV field needs quotes when it holds the comma, a quote or a line break, and also a semicolon: spreadsheets in
 * `;`-separator locales split on it, which would move text into the next column.
 */
export const csvNeedsQuotes = /[",;\r\n]/;
