import { describe, expect, it } from 'vitest';
import { createSqlConsole } from '../../console/index.js';
import { createApp } from '../../api/app.js';
import { memoryDb } from '../support/db.js';

// A query that keeps DuckDB busy for a while on any machine, and is stopped by the time limit.
const slow = 'SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3';

describe('SQL console concurrency', () => {
  it('runs at most `concurrency` queries at once and refuses beyond the queue as busy', async () => {
    const db = await memoryDb();
    const sqlConsole = createSqlConsole(db, { concurrency: 1, queue: 1, timeoutMs: 1500 });
    await sqlConsole.ready();
    const first = sqlConsole.run(slow).catch((e: Error) => e);
    const second = sqlConsole.run(slow).catch((e: Error) => e);
    const third = sqlConsole.run('SELECT 1').catch((e: Error) => e);
    const refused = await third;
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error & { code?: string }).code).toBe('busy');
    expect((refused as Error).message).toMatch(/busy \(1 queries running, 1 waiting\)/);
    // The queued one waited its turn: it started only after the first was stopped, and was then stopped itself.
    const [a, b] = await Promise.all([first, second]);
    expect((a as Error & { code?: string }).code).toBe('timeout');
    expect((b as Error & { code?: string }).code).toBe('timeout');
    // Once the queue drains, queries run again.
    expect((await sqlConsole.run('SELECT 42 AS x')).rows).toEqual([[42]]);
    db.close();
  });

  it('answers 429 when the console is busy', async () => {
    const db = await memoryDb();
    const app = createApp({ db, console: { concurrency: 1, queue: 0, timeoutMs: 1500 } });
    const post = (sql: string) => app.request('/api/query', { method: 'POST', headers: { 'content-type': 'application/json', host: '127.0.0.1' }, body: JSON.stringify({ sql }) });
    const running = post(slow);
    await new Promise((r) => setTimeout(r, 200));
    const busy = await post('SELECT 1');
    expect(busy.status).toBe(429);
    expect(await busy.json()).toMatchObject({ code: 'query_busy', field: 'sql' });
    expect((await running).status).toBe(400); // stopped by the time limit
    db.close();
  });
});
