import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Row } from './sql-types.js';
import { scratchAllowance, scratchRoot } from './scratch-dir.js';
import { quoteIdent, quoteLiteral, type ColumnKind } from './table.js';

/** Rows per staged file: each file is one JSON text, kept far below V8's maximum string length. */
const FILE_ROWS = 50_000;
let fileCounter = 0;

/**
 * Bulk insert through a staged file: each batch of rows becomes one JSON array of row arrays (V8's JSON.stringify,
 * one native call per batch) in Calabi's scratch directory, which DuckDB's own reader parses on its threads
 * (`INSERT … SELECT … FROM read_json`). The appender instead costs one native call per text value (the Node
 * client sets each string of a data chunk on its own), which is most of its time. While DuckDB inserts one
 * batch, JavaScript builds the next. Values are converted exactly as the appender converts them (db.ts
 * toAppendValue), so both paths store the same rows (test/schema/staged-insert.test.ts).
 */
export async function insertStaged(
  conn: DuckDBConnection,
  table: string,
  columns: readonly { name: string; type: ColumnKind }[],
  rows: Iterable<Row>,
  defaults: Row,
  /** Writes a batch through the appender: one whose JSON column holds text that is not JSON (see below). */
  append: (rows: Row[]) => Promise<number>,
): Promise<number> {
  const select = columns.map((c, i) => `${cast(c.type, `r[${i + 1}]`)} AS ${quoteIdent(c.name)}`).join(', ');
  const target = `${quoteIdent(table)} (${columns.map((c) => quoteIdent(c.name)).join(', ')})`;
  const files: string[] = [];
  let pending: Promise<unknown> = Promise.resolve();
  let n = 0;
  const flush = async (batch: unknown[][]) => {
    const file = join(scratchRoot(), `insert-${process.pid}-${++fileCounter}.json`);
    writeFileSync(file, wellFormed(JSON.stringify(batch), batch), { mode: 0o600 });
    files.push(file);
    await pending; // one statement at a time on the connection; the next batch was built meanwhile
    pending = conn.run(`INSERT INTO ${target} SELECT ${select} FROM read_json(${quoteLiteral(file)}, format = 'array', records = false, columns = {r: 'VARCHAR[]'})`);
  };
  // The appender stores text in a JSON column as it is, JSON or not; DuckDB's cast from the staged text would
  // refuse what is not. A batch holding such text goes through the appender, so both paths store the same.
  const json = columns.flatMap((c, i) => (c.type === 'JSON' ? [i] : []));
  let batch: unknown[][] = [];
  let originals: Row[] = [];
  let notJson = false;
  const done = async () => {
    if (notJson) {
      await pending;
      pending = Promise.resolve();
      n += await append(originals);
    } else {
      await flush(batch);
      n += batch.length;
    }
    batch = [];
    originals = [];
    notJson = false;
  };
  try {
    for (const row of rows) {
      const cells = new Array<unknown>(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i]!;
        cells[i] = toJsonCell(c.type, row[c.name] ?? defaults[c.name]);
      }
      for (const i of json) if (!notJson && typeof (row[columns[i]!.name] ?? defaults[columns[i]!.name]) === 'string') notJson = !isJson(cells[i] as string);
      batch.push(cells);
      originals.push(row);
      if (batch.length === FILE_ROWS) await done();
    }
    if (batch.length) await done();
    await pending;
  } finally {
    await pending.catch(() => undefined); // its error was thrown above; the files go either way
    for (const f of files) rmSync(f, { force: true });
  }
  return n;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false; // the answer, not a failure: the caller sends the batch through the appender
  }
}

/**
 * Whether DuckDB may read Calabi's scratch directory: always with external access on; with it off (the
 * console's sandbox, custom checks) only when that directory is allowed, as scratch-dir.ts arranges.
 */
export async function canStage(conn: DuckDBConnection): Promise<boolean> {
  const [external, allowed] = (await conn.runAndReadAll("SELECT current_setting('enable_external_access'), current_setting('allowed_directories')")).getRowsJS()[0] as [boolean, string[] | null];
  return external || (allowed ?? []).includes(scratchAllowance());
}

/** A value as the appender would store it, in a form JSON carries (see cast() for the way back). */
function toJsonCell(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'VARCHAR':
    case 'JSON':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'BOOLEAN':
      return Boolean(value);
    case 'BIGINT': {
      const n = Math.trunc(Number(value));
      return Number.isFinite(n) ? n : BigInt(n); // BigInt throws on NaN and Infinity, as the appender's conversion does
    }
    case 'INTEGER': {
      // The appender's integer vector refuses these two, with these words.
      const n = Math.trunc(Number(value));
      if (!Number.isInteger(n)) throw new Error('number is not an integer');
      if (n < -2147483648 || n > 2147483647) throw new Error('number out of int32 range');
      return n;
    }
    case 'DOUBLE': {
      const n = Number(value);
      return Number.isFinite(n) ? n : String(n); // 'NaN', 'Infinity', '-Infinity': DuckDB casts them back
    }
    case 'TIMESTAMP': {
      const ms = (value instanceof Date ? value : new Date(String(value))).getTime();
      return Number.isNaN(ms) ? null : ms;
    }
    case 'VARCHAR[]':
      return (value as unknown[]).map((v) => String(v));
  }
}

/** Every cell arrives as text (a JSON array holds mixed types); each column casts it back to its own type. */
function cast(kind: ColumnKind, cell: string): string {
  switch (kind) {
    case 'VARCHAR':
    case 'JSON':
      return cell;
    case 'TIMESTAMP':
      return `epoch_ms(CAST(${cell} AS BIGINT))`;
    case 'VARCHAR[]':
      return `CAST(CAST(${cell} AS JSON) AS VARCHAR[])`;
    default:
      return `CAST(${cell} AS ${kind})`;
  }
}

/**
 * JSON.stringify escapes a lone UTF-16 surrogate (\udXXX), which is not valid Unicode for DuckDB's reader;
 * the appender stores U+FFFD for it. Paired surrogates are written as they are, so an escape in the text means a
 * lone one (or a literal backslash-u in the data, which the slow path leaves as it is).
 */
function wellFormed(text: string, batch: unknown[][]): string {
  if (!/\\u[dD][89abAB]|\\u[dD][c-fC-F]/.test(text)) return text;
  return JSON.stringify(batch, (_key, v: unknown) => (typeof v === 'string' ? v.replace(loneSurrogate, '\ufffd') : v));
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
