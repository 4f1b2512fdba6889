import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { createSqlConsole } from '../../console/index.js';
import { refusedFunctions } from '../../console/guard.js';
import type { Database } from '../../schema/db.js';
import { memoryDb, tempDir } from '../support/db.js';
import { seedScans, writeTestCatalog } from '../api/fixture.js';

// Review: hostile console inputs beyond the catalogue in test/api/console.test.ts, against the real sandbox.
let db: Database;
let cleanups: Array<() => void> = [];
let app: ReturnType<typeof createApp>;
let outDir: string;

beforeAll(async () => {
  const cat = writeTestCatalog();
  const tmp = tempDir();
  outDir = tmp.dir;
  cleanups = [cat.cleanup, tmp.cleanup];
  db = await memoryDb();
  await seedScans(db, cat.catalog);
  app = createApp({ db, catalog: cat.catalog });
  await query('SELECT 1');
});
afterAll(() => {
  db?.close();
  for (const c of cleanups) c();
});

async function query(sql: string) {
  const res = await app.request('/api/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sql }) });
  return { status: res.status, body: (await res.json()) as any };
}

async function observable() {
  const counts = await db.all('SELECT (SELECT count(*) FROM aws_s3_buckets) AS buckets, (SELECT count(*) FROM scans) AS scans, (SELECT count(*) FROM duckdb_tables()) AS tables, (SELECT count(*) FROM duckdb_databases()) AS dbs');
  const settings = await db.all("SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'memory_limit', 'enable_logging', 'enable_profiling', 'autoload_known_extensions') ORDER BY name");
  return JSON.stringify({ counts, settings });
}

describe('the SQL console refuses more hostile queries without side effects', () => {
  const out = () => join(outDir, 'leak');
  const fsDenied = /disabled by configuration/;
  const hostile: Array<[string, () => string, RegExp]> = [
    ['reads a file with read_json_auto', () => "SELECT * FROM read_json_auto('/etc/passwd')", fsDenied],
    ['reads a file with read_ndjson_objects', () => "SELECT * FROM read_ndjson_objects('/etc/passwd')", fsDenied],
    ['reads parquet_metadata of a local file', () => "SELECT * FROM parquet_metadata('/etc/passwd')", fsDenied],
    ['reads parquet_schema of a local file', () => "SELECT * FROM parquet_schema('/etc/passwd')", fsDenied],
    ['sniffs a local CSV', () => "SELECT * FROM sniff_csv('/etc/passwd')", fsDenied],
    ['reads a file:// URL', () => "SELECT * FROM read_csv('file:///etc/passwd')", fsDenied],
    ['reads a list of files', () => "SELECT * FROM read_csv(['/etc/passwd'])", fsDenied],
    ['reads the process environment through /proc', () => "SELECT * FROM read_text('/proc/self/environ')", fsDenied],
    ['lists the root directory', () => "FROM glob('/*')", fsDenied],
    ['lists persistent secrets with duckdb_secrets()', () => 'SELECT * FROM duckdb_secrets()', fsDenied],
    ['summarizes a local file', () => "SUMMARIZE SELECT * FROM read_csv('/etc/passwd')", fsDenied],
    ['explains a COPY to a file', () => `EXPLAIN COPY (SELECT 1) TO '${out()}.csv'`, /disabled by configuration|not allowed|single SELECT/],
    ['runs a COPY through EXPLAIN ANALYZE', () => `EXPLAIN ANALYZE COPY (SELECT * FROM scans) TO '${out()}.csv'`, /disabled by configuration|not allowed|single SELECT/],
    ['runs an EXPORT through EXPLAIN', () => `EXPLAIN EXPORT DATABASE '${out()}'`, /syntax error|not allowed|single SELECT/],
    ['runs a DELETE through EXPLAIN (ANALYZE) options', () => 'EXPLAIN (ANALYZE) DELETE FROM scans', /single SELECT|not supported/],
    ['runs an UPDATE through EXPLAIN ANALYZE after a comment', () => '/* x */ EXPLAIN ANALYZE UPDATE aws_s3_buckets SET policy = NULL', /single SELECT/],
    ['binds a setting function under DESCRIBE', () => 'DESCRIBE SELECT * FROM enable_logging()', /enable_logging\(\) changes/],
    ['binds a setting function under SHOW', () => 'SHOW SELECT * FROM enable_profiling()', /enable_profiling\(\) changes/],
    ['binds a setting function under SUMMARIZE', () => 'SUMMARIZE SELECT * FROM enable_logging()', /enable_logging\(\) changes/],
    ['qualifies a setting function with catalog and schema', () => 'SELECT * FROM system.main.enable_logging()', /enable_logging\(\) changes/],
    ['hides nextval in a lambda', () => "SELECT list_transform([1, 2], x -> nextval('s'))", /nextval\(\) changes/],
    ['hides a DELETE in a CTE', () => 'WITH x AS (DELETE FROM scans RETURNING *) SELECT * FROM x', /CTE needs a SELECT|not allowed/],
    ['switches the default database with USE', () => 'USE memory', /USE is not allowed/],
    ['nests parentheses until the parser runs out of memory', () => `SELECT ${'('.repeat(20000)}1${')'.repeat(20000)}`, /memory exhausted|depth/],
    ['nests an expression past the depth limit', () => `SELECT ${'1+'.repeat(15000)}1`, /expression depth/],
  ];

  it.each(hostile)('refuses a query that %s', async (_name, sql, message) => {
    const before = await observable();
    const { status, body } = await query(sql());
    expect(status).toBe(400);
    expect(body.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/root:x:0:0|AWS_SECRET/);
    expect(await observable()).toBe(before);
    for (const ext of ['', '.csv', '.parquet', '.duckdb']) expect(existsSync(out() + ext)).toBe(false);
  });

  it('answers 413 for a query over the body limit instead of parsing it', async () => {
    const { status, body } = await query(`SELECT ${'1,'.repeat(40000)}1`);
    expect(status).toBe(413);
    expect(body.message).toMatch(/body over/);
  });

  it('reads settings but cannot see them changed: the sandbox stays locked with external access off', async () => {
    const { status, body } = await query("SELECT current_setting('enable_external_access') AS ext, current_setting('lock_configuration') AS locked");
    expect(status).toBe(200);
    expect(body.rows).toEqual([[false, true]]);
  });
});

describe('the time limit stops recursive CTE bombs', () => {
  it('interrupts an unbounded recursive CTE and keeps serving', async () => {
    const sql = createSqlConsole(db, { timeoutMs: 400 });
    const started = Date.now();
    await expect(sql.run('WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r')).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await sql.run('SELECT count(*) AS n FROM aws_s3_buckets')).rows).toEqual([[3]]);
  });

  it('stops a recursive CTE whose rows double in size (time or memory limit, never a hang)', async () => {
    const sql = createSqlConsole(db, { timeoutMs: 400 });
    const started = Date.now();
    await expect(sql.run("WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM r) SELECT max(length(s)) FROM r")).rejects.toMatchObject({ code: expect.stringMatching(/timeout|sql/) });
    expect(Date.now() - started).toBeLessThan(15000);
    expect((await sql.run('SELECT 42 AS x')).rows).toEqual([[42]]);
  });
});

describe('the refused-function list keeps up with DuckDB', () => {
  it('refuses every table function this DuckDB ships whose name says it changes state', async () => {
    const rows = await db.all<{ name: string }>(
      "SELECT DISTINCT function_name AS name FROM duckdb_functions() WHERE function_type = 'table' AND regexp_matches(function_name, '^(enable_|disable_|force_|truncate_|checkpoint|json_execute|query)')",
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.name).filter((n) => !refusedFunctions.has(n))).toEqual([]);
  });

  it('stops a 60-way cross join (planner and row bomb) at the time limit', async () => {
    const sql = createSqlConsole(db, { timeoutMs: 400 });
    const started = Date.now();
    const from = Array.from({ length: 60 }, (_, i) => `range(2) t${i}`).join(', ');
    await expect(sql.run(`SELECT count(*) FROM ${from}`)).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('interrupts sleep_ms at the time limit instead of holding the connection', async () => {
    const sql = createSqlConsole(db, { timeoutMs: 400 });
    const started = Date.now();
    await expect(sql.run('SELECT sum(sleep_ms(200)::INT) FROM range(50)')).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
