import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../lib/package-root.js';
import type { Database, Row, Transaction } from '../schema/db.js';
import { inventoryTables } from '../schema/inventory.js';
import type { ColumnKind } from '../schema/table.js';

/** The bundled sample account: one NDJSON file per table plus manifest.json, written by scripts/demo/build-sample.ts. */
export const sampleDir = fromRoot('demo', 'sample');

export interface SampleManifest {
  format: 1;
  /** When the sample was synced; timestamps are shifted by (load time - this) so ages stay as they were. */
  generated_at: string;
  account_id: string;
  regions: string[];
  /** How it was made, for people reading the repository. */
  source: string;
  tables: Array<{ name: string; rows: number }>;
}

/** Sync bookkeeping the checks read (a table that was never synced makes its checks ERROR) and the run itself. */
export const bookkeepingTables = ['sync_runs', 'sync_scopes', 'sync_errors'] as const;

const kinds: Record<string, ColumnKind> = {
  VARCHAR: 'VARCHAR', JSON: 'JSON', BOOLEAN: 'BOOLEAN', BIGINT: 'BIGINT', INTEGER: 'INTEGER', DOUBLE: 'DOUBLE', TIMESTAMP: 'TIMESTAMP', 'VARCHAR[]': 'VARCHAR[]',
};

export function readManifest(dir = sampleDir): SampleManifest {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SampleManifest;
  } catch (cause) {
    throw new Error(`[demo] cannot read the bundled sample in ${dir}: regenerate it with npx tsx scripts/demo/build-sample.ts`, { cause });
  }
}

/**
 * Replaces the inventory and the sync bookkeeping of `db` with the sample, in one transaction, through the
 * appender (plain JS file reads: this works with DuckDB's external access off). Columns are matched by name
 * against the live tables, so a sample made before a column was added still loads (the column is NULL).
 */
export async function loadSample(db: Database, dir = sampleDir, now = new Date()): Promise<{ manifest: SampleManifest; rows: number }> {
  const manifest = readManifest(dir);
  const shift = now.getTime() - new Date(manifest.generated_at).getTime();
  const rows = await db.write(async (tx) => {
    for (const t of [...inventoryTables.map((x) => x.name), ...bookkeepingTables]) await tx.run(`DELETE FROM "${t}"`);
    let total = 0;
    for (const table of manifest.tables) {
      const columns = await liveColumns(tx, table.name);
      const data = readNdjson(join(dir, `${table.name}.ndjson`)).map((row) => shiftTimestamps(row, columns, shift));
      total += await tx.append(table.name, columns, data);
    }
    return total;
  });
  return { manifest, rows };
}

async function liveColumns(tx: Transaction, table: string): Promise<Array<{ name: string; type: ColumnKind }>> {
  const cols = await tx.all<{ column_name: string; data_type: string }>(
    "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index",
    [table],
  );
  if (!cols.length) throw new Error(`[demo] the sample has a table ${table} this version of Calabi does not know; regenerate the sample`);
  return cols.map((c) => {
    const type = kinds[c.data_type];
    if (!type) throw new Error(`[demo] ${table}.${c.column_name} has type ${c.data_type}, which the sample loader cannot append`);
    return { name: c.column_name, type };
  });
}

function readNdjson(path: string): Row[] {
  const text = readFileSync(path, 'utf8');
  return text.split('\n').filter((l) => l.trim()).map((line, i) => {
    try {
      return JSON.parse(line) as Row;
    } catch (cause) {
      throw new Error(`[demo] ${path}:${i + 1} is not valid JSON; regenerate the sample`, { cause });
    }
  });
}

function shiftTimestamps(row: Row, columns: ReadonlyArray<{ name: string; type: ColumnKind }>, shift: number): Row {
  const out: Row = { ...row };
  for (const c of columns) {
    const v = row[c.name];
    if (c.type === 'TIMESTAMP' && typeof v === 'string') out[c.name] = new Date(new Date(v).getTime() + shift);
  }
  return out;
}
