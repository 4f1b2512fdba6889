import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../api/server.js';
import { fileDb } from '../support/db.js';

// Red team: console queries that once took the whole server down (issue 16). Each runs against a real server with
// limits small enough for CI; the server must keep answering /api/health, and the query must get a clear error
// or a truncated answer. The bound on /api/health here is generous (1 s on a shared CI machine); the measured
// numbers are in docs/console.md.
const limits = { timeoutMs: 4000, memoryLimit: '256MB', hardMemoryBytes: 768 * 2 ** 20, maxBytes: 2 * 2 ** 20 };
let server: RunningServer;
let cleanup: () => void;
let dbPath: string;

beforeAll(async () => {
  const f = await fileDb();
  cleanup = f.cleanup;
  dbPath = f.path;
  server = await startServer({ db: f.db, port: 0, console: limits });
});
afterAll(async () => {
  await server?.close();
  cleanup?.();
});

async function query(sql: string): Promise<{ status: number; body: any; bytes: number }> {
  const res = await fetch(`${server.url}api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sql }) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), bytes: text.length };
}

/** Runs `sql` while asking /api/health every 50 ms; returns the answer and the slowest health answer. */
async function underAttack(sql: string) {
  let done = false;
  let slowest = 0;
  let healthChecks = 0;
  const polling = (async () => {
    while (!done) {
      const t = performance.now();
      const res = await fetch(`${server.url}api/health`);
      await res.json();
      expect(res.status).toBe(200);
      slowest = Math.max(slowest, performance.now() - t);
      healthChecks++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const answer = await query(sql).finally(() => {
    done = true;
  });
  await polling;
  return { ...answer, slowest, healthChecks };
}

describe('the console cannot hurt the server', () => {
  const bombs: Array<[string, string]> = [
    ['a result of huge lists (5.7 GB once)', 'SELECT list_resize([true], 60000) AS l FROM range(10000)'],
    ['one huge sorted list', 'SELECT list_sort(range(200000000))'],
    ['one 1.5 GB string', "SELECT repeat('x', 1500000000)"],
    ['a printf width bomb', "SELECT printf('%01000000000d', 1) AS p"],
    ['a printf bomb over rows', "SELECT printf('%0100000000d', range) AS p FROM range(100)"],
    ['many wide rows', "SELECT repeat('y', 10000) AS s FROM range(1000000)"],
  ];

  it.each(bombs)('survives %s: health stays fast and the query ends with a message or a truncated answer', async (_name, sql) => {
    const r = await underAttack(sql);
    expect(r.healthChecks).toBeGreaterThan(0);
    expect(r.slowest).toBeLessThan(1000);
    if (r.status === 200) {
      expect(r.body).toMatchObject({ truncated: true });
      expect(['rows', 'bytes']).toContain(r.body.truncated_by);
      expect(r.bytes).toBeLessThan(limits.maxBytes + 64 * 1024);
    } else {
      expect([400, 503]).toContain(r.status);
      expect(r.body.code).toMatch(/^query_(timeout|memory|sql|worker)$/);
      expect(r.body.message.length).toBeGreaterThan(10);
    }
    // The server and the console both still work.
    expect((await query('SELECT 42 AS x')).body.rows).toEqual([[42]]);
  });

  it('kills a worker past the memory cap and says so, and the next query runs', async () => {
    const r = await query('SELECT list_sort(range(200000000)) AS l');
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ code: 'query_memory', message: expect.stringMatching(/needed more than 768 MiB of memory and was stopped/) });
    expect((await query('SELECT 1 AS one')).body.rows).toEqual([[1]]);
  });

  it('cuts a result at the byte cap and says which cap', async () => {
    const r = await query("SELECT repeat('z', 1000) AS s FROM range(100000)");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ truncated: true, truncated_by: 'bytes' });
    expect(r.body.row_count).toBeLessThan(2200);
    expect(r.bytes).toBeLessThan(limits.maxBytes + 64 * 1024);
  });

  it('cuts a result at the row cap and says which cap', async () => {
    const r = await query('SELECT * FROM range(20000)');
    expect(r.body).toMatchObject({ truncated: true, truncated_by: 'rows', row_count: 10000 });
  });
});

describe('SIGTERM stops the server whatever the console runs', () => {
  it('exits within a few seconds while a bomb query runs', async () => {
    const { path: db, cleanup: done } = await fileDb().then((f) => {
      f.db.close();
      return f;
    });
    const child = spawn(process.execPath, ['bin/calabi.js', '--db', db, 'serve', '--port', '0', '--query-timeout', '60'], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (d) => {
          err += String(d);
          const m = /at (http:\/\/\S+)/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
      });
      const bomb = fetch(`${url}api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sql: 'SELECT count(*) FROM range(1000000000000) t(i) WHERE i % 7 = 3' }) }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1500));
      const started = Date.now();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      expect(Date.now() - started).toBeLessThan(8000);
      await bomb;
    } finally {
      child.kill('SIGKILL');
      done();
    }
  }, 120_000);
});
