import type { DuckDBConnection } from '@duckdb/node-api';
import { inventoryTables } from '../schema/inventory.js';
import { quoteIdent, type TableDef } from '../schema/table.js';

/**
 * The scope in force: what the latest sync of each account covered. aws_accounts lists the synced accounts and
 * aws_regions, per account, the regions of its latest sync; rows of a region a later `sync --regions` left out
 * (or of an account no longer listed) are history, not the present, and no check may count or judge them.
 *
 * Rather than trust every check (built-in or custom) to join aws_regions, each evaluation connection gets a
 * connection-local TEMP VIEW named like every inventory table, reading the real table through its fully
 * qualified name (<catalog>.main.<table>) and keeping only rows in scope. DuckDB resolves an unqualified name
 * (and `main.<name>`) to the temp schema first, and views and macros of the main schema (schema/sql-objects.ts)
 * bind their table names at query time on the calling connection, so they read the filtered rows too. The
 * views exist on the evaluating connections only: sync, the console and other connections see the tables.
 */
const scopeDefining = new Set(['aws_accounts', 'aws_regions']);

export async function applyScopeViews(conn: DuckDBConnection, tables: readonly TableDef[] = inventoryTables): Promise<void> {
  const catalog = String((await conn.runAndReadAll('SELECT current_database()')).getRowsJS()[0]?.[0]);
  const main = (name: string) => `${quoteIdent(catalog)}.main.${quoteIdent(name)}`;
  const existing = new Set(
    ((await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main'`)).getRowsJS() as string[][]).map((r) => r[0]!),
  );
  for (const t of tables) {
    if (scopeDefining.has(t.name) || !existing.has(t.name)) continue;
    const inScope =
      t.scope === 'regional'
        ? `EXISTS (SELECT 1 FROM ${main('aws_regions')} s WHERE s.account_id = t.account_id AND s.region = t.region)`
        : `EXISTS (SELECT 1 FROM ${main('aws_accounts')} s WHERE s.account_id = t.account_id)`;
    await conn.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(t.name)} AS SELECT * FROM ${main(t.name)} t WHERE ${inScope}`);
  }
}
