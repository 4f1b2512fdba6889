import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { createChannel, getChannel } from '../../scheduler/channels.js';
import { Database } from '../../schema/db.js';
import { fileDb } from '../support/db.js';

// Red team: webhook URLs carry tokens; they never sit in the database in clear, and the console cannot dig a
// deleted one out of the database file or its write-ahead log.
const token = 'T0KEN-xoxb-1234567890-SECRETSECRETSECRET';
const url = `https://hooks.slack.com/services/T000/B000/${token}`;
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  delete process.env.CALABI_SECRET_KEY;
});

describe('webhook URLs at rest', () => {
  it('stores the URL sealed with a key file next to the database (mode 0600) and gives it back in clear', async () => {
    const f = await fileDb();
    cleanups.push(f.cleanup);
    const ch = await createChannel(f.db, { name: 'slack', url }, new Date());
    const raw = await f.db.all<{ url: string }>('SELECT url FROM channels');
    expect(raw[0]!.url).toMatch(/^enc:v1:/);
    expect(JSON.stringify(raw)).not.toContain(token);
    expect((await getChannel(f.db, ch.id))!.url).toBe(url);
    expect(statSync(`${f.path}.key`).mode & 0o777).toBe(0o600);
    await f.db.run('CHECKPOINT');
    expect(readFileSync(f.path).includes(token)).toBe(false);
  });

  it('encrypts URLs an older database holds in clear when it is opened (migration 40)', async () => {
    const f = await fileDb();
    cleanups.push(f.cleanup);
    await f.db.run("INSERT INTO channels (id, name, kind, url, enabled, created_at, updated_at) VALUES ('old', 'legacy', 'webhook', ?, true, now(), now())", [url]);
    await f.db.run('DELETE FROM schema_migrations WHERE version = 40');
    f.db.close();
    const db = await Database.open(f.path);
    try {
      expect((await db.one<{ url: string }>("SELECT url FROM channels WHERE id = 'old'"))!.url).toMatch(/^enc:v1:/);
      expect((await getChannel(db, 'old'))!.url).toBe(url);
    } finally {
      db.close();
    }
  });

  it('uses CALABI_SECRET_KEY instead of a key file, and says clearly when the key does not fit', async () => {
    process.env.CALABI_SECRET_KEY = 'ab'.repeat(32);
    const f = await fileDb();
    cleanups.push(f.cleanup);
    const ch = await createChannel(f.db, { name: 'slack', url }, new Date());
    expect(existsSync(`${f.path}.key`)).toBe(false);
    process.env.CALABI_SECRET_KEY = 'cd'.repeat(32);
    await expect(getChannel(f.db, ch.id)).rejects.toThrow(/cannot be decrypted with this key/);
    process.env.CALABI_SECRET_KEY = 'short';
    await expect(getChannel(f.db, ch.id)).rejects.toThrow(/not a 256-bit key/);
  });
});

describe('the console cannot recover a deleted channel token', () => {
  it('refuses to read the database file, its WAL and temporary files, and shows only sealed URLs', async () => {
    const f = await fileDb();
    cleanups.push(f.cleanup);
    const app = createApp({ db: f.db });
    cleanups.push(() => app.close());
    const call = (path: string, method: string, json?: unknown) =>
      app.request(path, { method, headers: { 'content-type': 'application/json' }, body: json === undefined ? undefined : JSON.stringify(json) });
    const created = (await (await call('/api/channels', 'POST', { name: 'slack', url })).json()) as { id: string };
    await call('/api/channels', 'POST', { name: 'kept', url: `${url}-kept` });
    expect((await call(`/api/channels/${created.id}`, 'DELETE')).status).toBeLessThan(300);
    const attempts = [
      `SELECT * FROM read_blob('${f.path}.wal')`,
      `SELECT * FROM read_blob('${f.path}')`,
      `SELECT content FROM read_text('${f.path}.wal')`,
      `SELECT * FROM read_csv('${f.path}.wal', delim = '\\x01', header = false)`,
      `SELECT * FROM '${f.path}.wal'`,
      `SELECT * FROM read_blob('${f.path}.tmp/*')`,
      `SELECT * FROM read_blob('${f.path}.key')`,
      'SELECT * FROM channels',
      "SELECT path FROM duckdb_databases()",
      "SELECT current_setting('temp_directory')",
    ];
    for (const sql of attempts) {
      const res = await call('/api/query', 'POST', { sql });
      const text = await res.text();
      expect(text, sql).not.toContain(token);
      if (!sql.includes(f.dir)) expect(text, sql).not.toContain(f.dir); // a refusal may quote the query's own path
      if (sql !== 'SELECT * FROM channels') expect(res.status, sql).toBe(400);
    }
  });
});
