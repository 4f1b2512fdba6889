import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../../schema/db.js';
import { errors, json } from '../schemas/common.js';
import { Schema } from '../schemas/console.js';
import type { RouteModule } from './deps.js';

export interface SchemaTable {
  name: string;
  kind: 'inventory' | 'calabi';
  description: string | null;
  columns: Array<{ name: string; type: string; description: string | null }>;
}

/** Tables and columns with their COMMENTs, inventory (aws_*) first; read from DuckDB's catalog, so always current. */
export async function describeSchema(db: Database): Promise<SchemaTable[]> {
  const tables = await db.all<{ table_name: string; comment: string | null }>(
    "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal ORDER BY table_name",
  );
  const columns = await db.all<{ table_name: string; column_name: string; data_type: string; comment: string | null }>(
    "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal ORDER BY table_name, column_index",
  );
  const byTable = new Map<string, SchemaTable['columns']>();
  for (const c of columns) {
    const list = byTable.get(c.table_name) ?? [];
    list.push({ name: c.column_name, type: c.data_type, description: c.comment || null });
    byTable.set(c.table_name, list);
  }
  const out = tables.map((t): SchemaTable => ({
    name: t.table_name,
    kind: t.table_name.startsWith('aws_') ? 'inventory' : 'calabi',
    description: t.comment || null,
    columns: byTable.get(t.table_name) ?? [],
  }));
  return out.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'inventory' ? -1 : 1));
}

const route = createRoute({
  method: 'get', path: '/schema', operationId: 'getSchema', summary: 'Tables and columns the console can query, with descriptions',
  responses: { 200: json('The schema', Schema), ...errors() },
});

export const schema: RouteModule = {
  name: 'schema',
  routes({ db }) {
    return new OpenAPIHono().openapi(route, async (c) => c.json({ tables: await describeSchema(db) }, 200));
  },
};
