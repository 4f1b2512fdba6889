/**
 * Bytes of a DuckDB size such as 512MB, 2GB or 1.5GiB. Its own file so the CLI checks --query-memory and
 * --max-bytes without loading the console (and DuckDB) behind it.
 */
export function sizeBytes(size: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?$/i.exec(size.trim());
  if (!m) throw new Error(`[console] '${size}' is not a size such as 512MB or 2GB`);
  const unit = (m[2] ?? 'B').toLowerCase();
  const power = { b: 0, kb: 1, mb: 2, gb: 3, tb: 4, kib: 1, mib: 2, gib: 3, tib: 4 }[unit]!;
  return Number(m[1]) * (unit.includes('i') || unit === 'b' ? 1024 : 1000) ** power;
}
