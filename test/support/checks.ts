import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Row } from '../../schema/db.js';
import { findTable } from '../../schema/inventory.js';

const checksRoot = join(dirname(fileURLToPath(import.meta.url)), '../../controls/checks');

/** The SQL text of a built-in check, found by id under controls/checks/<service>/<id>.sql. */
export function checkSql(id: string): string {
  for (const service of readdirSync(checksRoot, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    try {
      return readFileSync(join(checksRoot, service.name, `${id}.sql`), 'utf8');
    } catch {
      // not in this service folder
    }
  }
  throw new Error(`no check ${id}.sql under controls/checks/*/`);
}

/** Runs a check's SQL unchanged, as the duckdb shell would, and returns its failing rows. */
export async function checkFindings(db: Database, id: string): Promise<Row[]> {
  return db.all(checkSql(id));
}

/**
 * Inserts rows into an inventory table through the real appender. Columns a row leaves out get NULL, except
 * account_id ('111111111111'), region ('us-east-1', or 'global' for global tables) and synced_at (now).
 */
export async function seed(db: Database, table: string, rows: Row[]): Promise<void> {
  const def = findTable(table);
  if (!def) throw new Error(`seed: unknown inventory table ${table}`);
  const now = new Date();
  await db.write((tx) =>
    tx.append(
      table,
      def.columns,
      rows.map((r) => ({ account_id: '111111111111', region: def.scope === 'global' ? 'global' : 'us-east-1', synced_at: now, raw: {}, ...r })),
    ),
  );
}
