import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Catalog } from '../../controls/loader.js';
import { createSqlConsole } from '../../console/index.js';
import type { Database } from '../../schema/db.js';
import { memoryDb, tempDir } from '../support/db.js';
import { seedScans, writeTestCatalog } from './fixture.js';

let db: Database;
let catalog: Catalog;
let cleanups: Array<() => void> = [];
let app: ReturnType<typeof createApp>;
let outDir: string;

beforeAll(async () => {
  const cat = writeTestCatalog();
  catalog = cat.catalog;
  const tmp = tempDir();
  outDir = tmp.dir;
  cleanups = [cat.cleanup, tmp.cleanup];
  db = await memoryDb();
  await seedScans(db, catalog);
  app = createApp({ db, catalog });
  await query('SELECT 1'); // the sandbox is in place before any observation
});
afterAll(() => {
  db.close();
  for (const c of cleanups) c();
});

async function query(sql: string) {
  const res = await app.request('/api/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sql }) });
  return { status: res.status, body: (await res.json()) as any };
}

/** What a hostile query could change: table contents, settings, attached databases, files. */
async function observable() {
  const counts = await db.all("SELECT (SELECT count(*) FROM aws_s3_buckets) AS buckets, (SELECT count(*) FROM scans) AS scans, (SELECT count(*) FROM duckdb_tables()) AS tables, (SELECT count(*) FROM duckdb_databases()) AS dbs, (SELECT count(*) FROM duckdb_sequences()) AS seqs");
  const settings = await db.all("SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'memory_limit', 'threads', 'enable_logging', 'enable_profiling', 'allow_community_extensions', 'autoload_known_extensions', 'logging_level') ORDER BY name");
  return JSON.stringify({ counts, settings });
}

describe('the SQL console refuses hostile queries without side effects', () => {
  const out = () => join(outDir, 'leak');
  const hostile: Array<[string, () => string, RegExp]> = [
    ['reads a local file with read_csv', () => "SELECT * FROM read_csv('/etc/passwd')", /disabled by configuration/],
    ['reads a local file with read_text', () => "SELECT * FROM read_text('/etc/hostname')", /disabled by configuration/],
    ['reads a local file with read_blob', () => "SELECT * FROM read_blob('/etc/hostname')", /disabled by configuration/],
    ['reads a local parquet file', () => "SELECT * FROM read_parquet('/tmp/x.parquet')", /disabled by configuration/],
    ['reads a local JSON file by path', () => "SELECT * FROM '/etc/os-release.json'", /disabled by configuration|does not exist/],
    ['reads the environment (AWS keys live there)', () => "SELECT getenv('AWS_SECRET_ACCESS_KEY')", /does not exist/],
    ['lists files with glob', () => "SELECT * FROM glob('/etc/*')", /disabled by configuration/],
    ['reads over the network', () => "SELECT * FROM read_csv('https://example.com/a.csv')", /disabled by configuration/],
    ['installs httpfs', () => 'INSTALL httpfs', /INSTALL is not allowed/],
    ['loads httpfs', () => 'LOAD httpfs', /LOAD is not allowed/],
    ['attaches a database', () => `ATTACH '${out()}.duckdb' AS x`, /ATTACH is not allowed/],
    ['attaches an in-memory database', () => "ATTACH ':memory:' AS m", /ATTACH is not allowed/],
    ['detaches the database', () => 'DETACH memory', /DETACH is not allowed/],
    ['copies a table to a file', () => `COPY aws_s3_buckets TO '${out()}.csv'`, /COPY is not allowed|disabled by configuration/],
    ['copies a query to a file', () => `COPY (SELECT 1) TO '${out()}.parquet' (FORMAT parquet)`, /COPY is not allowed|disabled by configuration/],
    ['exports the database', () => `EXPORT DATABASE '${out()}'`, /EXPORT is not allowed|disabled by configuration/],
    ['turns external access back on', () => 'SET enable_external_access = true', /SET is not allowed/],
    ['raises the memory limit', () => "SET memory_limit = '100GB'", /SET is not allowed/],
    ['resets a setting', () => 'RESET memory_limit', /RESET is not allowed/],
    ['sets a variable', () => 'SET VARIABLE x = 1', /SET is not allowed/],
    ['runs a PRAGMA', () => 'PRAGMA enable_profiling', /PRAGMA is not allowed/],
    ['calls a procedure', () => 'CALL enable_logging()', /CALL is not allowed/],
    ['checkpoints', () => 'CHECKPOINT', /CHECKPOINT is not allowed/],
    ['starts a transaction', () => 'BEGIN TRANSACTION', /BEGIN is not allowed/],
    ['commits', () => 'COMMIT', /COMMIT is not allowed/],
    ['runs two statements', () => 'SELECT 1; DROP TABLE scans', /one statement at a time/],
    ['hides a second statement after a comment', () => 'SELECT 1; -- harmless\nDELETE FROM scans', /one statement at a time/],
    ['creates a table', () => 'CREATE TABLE x AS SELECT 1', /CREATE is not allowed/],
    ['creates a macro', () => 'CREATE MACRO m(x) AS x', /CREATE is not allowed/],
    ['creates a secret', () => "CREATE SECRET (TYPE s3, KEY_ID 'a', SECRET 'b')", /CREATE is not allowed|disabled by configuration/],
    ['inserts', () => "INSERT INTO scans (id, benchmark_id, started_at, status) VALUES ('x', 'y', now(), 'complete')", /INSERT is not allowed/],
    ['updates', () => 'UPDATE aws_s3_buckets SET policy = NULL', /UPDATE is not allowed/],
    ['deletes', () => 'DELETE FROM aws_s3_buckets', /DELETE is not allowed/],
    ['truncates', () => 'TRUNCATE aws_s3_buckets', /TRUNCATE is not allowed/],
    ['drops', () => 'DROP TABLE aws_s3_buckets', /DROP is not allowed/],
    ['alters', () => 'ALTER TABLE scans ADD COLUMN x INT', /ALTER is not allowed/],
    ['comments on a table', () => "COMMENT ON TABLE scans IS 'x'", /COMMENT is not allowed/],
    ['vacuums', () => 'VACUUM', /VACUUM is not allowed/],
    ['prepares a statement', () => 'PREPARE p AS DELETE FROM scans', /PREPARE is not allowed/],
    ['merges', () => 'MERGE INTO scans USING scans AS s ON true WHEN MATCHED THEN DELETE', /MERGE is not allowed/],
    ['pivots (which creates a type)', () => 'PIVOT scans ON status USING count(*)', /one statement at a time|not allowed/],
    ['changes a setting through a table function', () => 'SELECT * FROM enable_logging()', /enable_logging\(\) changes/],
    ['hides the setting function behind quotes and a schema', () => 'SELECT * FROM main."ENABLE_LOGGING"()', /enable_logging\(\) changes/],
    ['hides it in a subquery', () => 'SELECT (SELECT count(*) FROM enable_profiling()) AS n', /enable_profiling\(\) changes/],
    ['checkpoints through a table function', () => 'SELECT * FROM force_checkpoint()', /force_checkpoint\(\) changes/],
    ['assembles a statement at run time with query()', () => "SELECT * FROM query('SELECT * FROM enable_' || 'logging()')", /query\(\) changes/],
    ['runs serialised SQL', () => "SELECT * FROM json_execute_serialized_sql('{}')", /json_execute_serialized_sql\(\) changes/],
    ['advances a sequence', () => "SELECT nextval('x')", /nextval\(\) changes/],
    ['reads a file through a scalar function', () => "SELECT length(content) FROM read_text('/etc/hostname')", /disabled by configuration/],
    ['explains and so runs a write', () => 'EXPLAIN ANALYZE DELETE FROM aws_s3_buckets', /EXPLAIN in the console works on a single SELECT only/],
    ['hides a setting function from EXPLAIN ANALYZE behind comment markers in strings', () => "EXPLAIN ANALYZE SELECT '/*', (SELECT count(*) FROM enable_logging()) AS x, '*/' AS y", /enable_logging\(\) changes/],
    ['reads a pointer with arrow_scan', () => 'SELECT * FROM arrow_scan(0, 0, 0)', /arrow_scan\(\) changes|not allowed|Error/],
  ];

  it.each(hostile)('refuses a query that %s', async (_name, sql, message) => {
    const before = await observable();
    const { status, body } = await query(sql());
    expect(status).toBe(400);
    expect(body.field).toBe('sql');
    expect(body.message).toMatch(message);
    expect(await observable()).toBe(before);
    for (const ext of ['', '.csv', '.parquet', '.duckdb']) expect(existsSync(out() + ext)).toBe(false);
  });

  it('leaves the server working after every refusal (nothing aborted or locked)', async () => {
    const { status, body } = await query('SELECT count(*) AS n FROM aws_s3_buckets');
    expect(status).toBe(200);
    expect(body.rows).toEqual([[3]]);
  });
});

describe('the SQL console runs analytical queries', () => {
  it('joins inventory with findings', async () => {
    const { status, body } = await query(`
      SELECT b.name, count(f.resource_id) AS findings
      FROM aws_s3_buckets b LEFT JOIN findings f ON f.resource_id = b.arn
      GROUP BY b.name ORDER BY b.name`);
    expect(status).toBe(200);
    expect(body.columns).toEqual([{ name: 'name', type: 'VARCHAR' }, { name: 'findings', type: 'BIGINT' }]);
    expect(body.rows).toEqual([['acme-logs', 3], ['acme-tmp', 2], ['acme-web', 0]]);
    expect(body).toMatchObject({ row_count: 3, truncated: false });
    expect(body.elapsed_ms).toBeGreaterThanOrEqual(0);
  });

  it('runs CTEs and window functions', async () => {
    const { body } = await query(`
      WITH s AS (SELECT id, started_at, score FROM scans WHERE benchmark_id = 'api-test')
      SELECT score, score - lag(score) OVER (ORDER BY started_at) AS delta FROM s ORDER BY started_at`);
    expect(body.rows).toEqual([[0, null], [50, 50]]);
  });

  it('extracts fields from the raw JSON', async () => {
    const { body } = await query("SELECT raw->>'$.Name' AS name, raw->'Tags'->>'env' AS env FROM aws_s3_buckets WHERE raw->'Tags'->>'env' = 'prod' ORDER BY 1");
    expect(body.rows).toEqual([['acme-logs', 'prod'], ['acme-web', 'prod']]);
  });

  it('runs DESCRIBE, SHOW, SUMMARIZE and EXPLAIN', async () => {
    for (const sql of ['-- plan\nEXPLAIN ANALYZE SELECT 1', 'DESCRIBE aws_s3_buckets', 'SHOW TABLES', 'SUMMARIZE scans', 'EXPLAIN SELECT * FROM scans', 'EXPLAIN ANALYZE SELECT count(*) FROM scans', 'FROM scans LIMIT 1']) {
      expect((await query(sql)).status, sql).toBe(200);
    }
  });

  it("returns DuckDB's message with the line and column for bad SQL, as a 400", async () => {
    const { status, body } = await query('SELECT name\nFROM aws_s3_bukets');
    expect(status).toBe(400);
    expect(body.code).toBe('query_sql');
    expect(body.message).toContain('aws_s3_bukets');
    expect(body.position).toEqual({ line: 2, column: 6 });
    const syntax = await query('SELEC 1');
    expect(syntax.body.message).toContain('syntax error');
    expect(syntax.body.position).toEqual({ line: 1, column: 1 });
  });

  it('answers 400 for an empty query or a missing sql field', async () => {
    expect((await query('  -- nothing\n')).body).toMatchObject({ status: 400, code: 'query_empty' });
    const res = await app.request('/api/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"SELECT 1"}' });
    expect(await res.json()).toMatchObject({ status: 400, field: 'sql' });
  });
});

describe('limits', () => {
  it('caps the rows returned and says so', async () => {
    const sql = createSqlConsole(db, { maxRows: 5 });
    const r = await sql.run('SELECT * FROM range(100)');
    expect(r).toMatchObject({ row_count: 5, truncated: true });
    expect(r.rows.map((x) => x[0])).toEqual([0, 1, 2, 3, 4]);
    expect((await sql.run('SELECT * FROM range(5)')).truncated).toBe(false);
  });

  it('stops a query that runs past the time limit', async () => {
    const sql = createSqlConsole(db, { timeoutMs: 300 });
    const started = Date.now();
    await expect(sql.run('SELECT count(*) FROM range(1000000000000) a')).rejects.toMatchObject({ code: 'timeout', message: expect.stringContaining('0.3 s') });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await sql.run('SELECT 42 AS x')).rows).toEqual([[42]]);
  });

  it('stops a query that needs more memory than the limit', async () => {
    const small = await memoryDb();
    try {
      // The limit leaves room for the console's copy of the (empty) inventory's ~200 tables, not for a 1.6 GB list.
      const sql = createSqlConsole(small, { memoryLimit: '256MB' });
      await expect(sql.run('SELECT list(range) AS l FROM range(200000000)')).rejects.toMatchObject({ code: 'sql', message: expect.stringMatching(/Out of Memory|memory/i) });
      expect((await small.one<{ v: string }>("SELECT current_setting('memory_limit') AS v"))?.v).toMatch(/MiB|MB/);
    } finally {
      small.close();
    }
  });
});
