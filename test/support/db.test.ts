import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { memoryDb } from './db.js';

// memoryDb() copies a database the real migrations made once per process; every test that uses it relies on the
// copy being the same schema as a fresh migration.
const catalogue = `
  SELECT 'column' AS kind, table_name || '.' || column_name AS name,
         data_type || ' ' || is_nullable::VARCHAR || ' ' || coalesce(column_default, '') || ' ' || coalesce(comment, '') AS detail
    FROM duckdb_columns() WHERE database_name = 'memory'
  UNION ALL SELECT 'table', table_name, coalesce(comment, '') FROM duckdb_tables() WHERE database_name = 'memory'
  UNION ALL SELECT 'constraint', table_name || '.' || constraint_type, array_to_string(constraint_column_names, ',')
    FROM duckdb_constraints() WHERE database_name = 'memory'
  UNION ALL SELECT 'view', view_name, '' FROM duckdb_views() WHERE database_name = 'memory' AND NOT internal
  UNION ALL SELECT 'macro', function_name, function_type FROM duckdb_functions() WHERE database_name = 'memory' AND NOT internal
  UNION ALL SELECT 'migration', version::VARCHAR, name FROM schema_migrations
  ORDER BY ALL`;

describe('memoryDb', () => {
  const open: Database[] = [];
  afterAll(() => open.forEach((db) => db.close()));

  it('has exactly the schema a fresh migration makes: columns, descriptions, constraints, views, macros', async () => {
    const copy = await memoryDb();
    const fresh = await Database.open(':memory:');
    open.push(copy, fresh);
    const expected = await fresh.all(catalogue);
    expect(expected.length).toBeGreaterThan(1000);
    expect(await copy.all(catalogue)).toEqual(expected);
  });

  it('gives each test a database of its own', async () => {
    const a = await memoryDb();
    const b = await memoryDb();
    open.push(a, b);
    await a.run(`INSERT INTO channels (id, name, kind, url, enabled, created_at, updated_at) VALUES ('c1', 'n', 'webhook', 'x', true, now(), now())`);
    expect(await a.all('SELECT id FROM channels')).toEqual([{ id: 'c1' }]);
    expect(await b.all('SELECT id FROM channels')).toEqual([]);
  });
});
