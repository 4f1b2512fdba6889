import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlConsole, type SqlConsole } from '../../console/index.js';
import type { Database } from '../../schema/db.js';
import { fileDb } from '../support/db.js';

// Red team: console introspection that would show the host (paths, settings) or read the database's own files.
let db: Database;
let dir: string;
let cleanup: () => void;
let sql: SqlConsole;
beforeAll(async () => {
  const f = await fileDb();
  ({ db, dir, cleanup } = f);
  sql = createSqlConsole(db);
});
afterAll(() => {
  sql?.close();
  cleanup?.();
});

const refused = (q: string) => sql.run(q).then(() => 'ran', (e: Error & { code?: string }) => `${e.code}: ${e.message}`);

describe('introspection answers only what an analyst needs', () => {
  it.each([
    "SELECT current_setting('temp_directory')",
    "SELECT current_setting('home_directory')",
    "SELECT current_setting('extension_directory')",
    "SELECT current_setting(lower('SECRET_DIRECTORY'))",
    'SELECT * FROM duckdb_settings()',
    'SELECT name, value FROM duckdb_settings WHERE name = \'temp_directory\'',
    'SELECT path FROM duckdb_databases()',
    'SELECT * FROM duckdb_databases',
    'SELECT * FROM pragma_database_list',
    'SELECT * FROM duckdb_extensions()',
    'SELECT * FROM duckdb_temporary_files()',
    'SELECT * FROM system.main.duckdb_settings()',
    'SUMMARIZE SELECT * FROM duckdb_databases()',
    'SELECT (SELECT path FROM duckdb_databases() LIMIT 1) AS p',
  ])('refuses %s', async (q) => {
    const r = await refused(q);
    expect(r).toMatch(/^refused: .*shows facts of the host/);
    expect(r).not.toContain(dir);
  });

  it.each([
    "SELECT * FROM read_blob('calabi.duckdb')",
    "SELECT * FROM read_text('calabi.duckdb.wal')",
    "SELECT * FROM 'calabi.duckdb.wal'",
    "SELECT * FROM read_csv('calabi.duckdb.wal', header = false)",
    "SELECT * FROM glob('*')",
  ])('refuses the file read %s', async (q) => {
    expect(await refused(q)).toMatch(/^refused: .*reads files; file system operations are disabled by configuration/);
  });

  it('still answers the settings and structure an analyst uses', async () => {
    expect((await sql.run("SELECT current_setting('memory_limit') IS NOT NULL AS m, current_setting('threads') > 0 AS t")).rows).toEqual([[true, true]]);
    expect((await sql.run("SELECT count(*) > 10 AS many FROM duckdb_tables() WHERE table_name LIKE 'aws_%'")).rows).toEqual([[true]]);
    expect((await sql.run("SELECT count(*) > 0 AS some FROM duckdb_columns() WHERE table_name = 'scans'")).rows).toEqual([[true]]);
    expect((await sql.run('DESCRIBE scans')).row_count).toBeGreaterThan(3);
    expect((await sql.run('SHOW TABLES')).row_count).toBeGreaterThan(10);
    expect((await sql.run('SELECT current_database() AS d')).rows).toEqual([['calabi']]);
  });
});
