/**
 * Spreadsheet formula neutralisation. Resource names, tags and reasons come from the cloud and can be hostile:
 * a bucket tag `=HYPERLINK("http://evil","click")` must stay text when an auditor opens the file. A text cell that
 * begins with `=`, `+`, `-`, `@`, tab or carriage return gets a leading single quote, which every spreadsheet shows
 * as text (OWASP "CSV injection"). Numbers we generate ourselves are written as numbers and left alone.
 */
const dangerous = /^[=+\-@\t\r]/;

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
