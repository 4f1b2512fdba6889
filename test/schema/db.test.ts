import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { Database, DatabaseLockedError } from '../../schema/db.js';
import { inventoryTables } from '../../schema/inventory.js';
import { migrations } from '../../schema/migrations.js';
import { tempDir } from '../support/db.js';

describe('database file', () => {
  it('creates every migration and inventory table on a new file, with column descriptions', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = await Database.open(join(dir, 'new.duckdb'));
      const versions = await db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version));
      const tables = new Set((await db.all<{ table_name: string }>('SELECT table_name FROM duckdb_tables()')).map((t) => t.table_name));
      for (const t of inventoryTables) expect(tables.has(t.name), t.name).toBe(true);
      const comment = await db.one<{ comment: string }>("SELECT comment FROM duckdb_columns() WHERE table_name = 'aws_accounts' AND column_name = 'alias'");
      expect(comment!.comment).toMatch(/alias/i);
      db.close();
    } finally {
      cleanup();
    }
  });

  it('leaves out the descriptions only when asked, for a throwaway database, with the same tables and columns', async () => {
    const plain = await Database.open(':memory:', { descriptions: false });
    const described = await Database.open(':memory:');
    try {
      const columns = "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' ORDER BY ALL";
      expect(await plain.all(columns)).toEqual(await described.all(columns));
      const comments = "SELECT count(comment) FILTER (WHERE comment <> '')::INTEGER AS n FROM duckdb_columns() WHERE table_name LIKE 'aws\\_%' ESCAPE '\\'";
      expect(await plain.all(comments)).toEqual([{ n: 0 }]);
      expect((await described.one<{ n: number }>(comments))!.n).toBeGreaterThan(1000);
    } finally {
      plain.close();
      described.close();
    }
  });

  it('upgrades an older file in place: keeps its rows and adds what is missing', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'old.duckdb');
      // An "old release" database: only migration 1, and an aws_accounts table lacking a column added since.
      const inst = await DuckDBInstance.create(path);
      const conn = await inst.connect();
      await conn.run('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)');
      await conn.run("CREATE TABLE aws_accounts (account_id VARCHAR, region VARCHAR, arn VARCHAR, synced_at TIMESTAMP, raw JSON)");
      await conn.run("INSERT INTO aws_accounts (account_id, region, arn, synced_at, raw) VALUES ('111111111111', 'global', 'arn:aws:::111111111111', now(), '{}')");
      conn.closeSync();
      inst.closeSync();

      const db = await Database.open(path);
      const rows = await db.all('SELECT account_id, alias FROM aws_accounts');
      expect(rows).toEqual([{ account_id: '111111111111', alias: null }]);
      const versions = await db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version));
      db.close();
      // Opening again is a no-op.
      const again = await Database.open(path);
      expect(await again.all('SELECT account_id FROM aws_accounts')).toEqual([{ account_id: '111111111111' }]);
      again.close();
    } finally {
      cleanup();
    }
  });

  it('names a database held by another process instead of failing with a stack trace', async () => {
    const { dir, cleanup } = tempDir();
    const path = join(dir, 'held.duckdb');
    const holder = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import { DuckDBInstance } from '@duckdb/node-api'; const i = await DuckDBInstance.create(${JSON.stringify(path)}); await i.connect(); console.log('held'); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.on('data', (d) => String(d).includes('held') && resolve()));
      const attempt = Database.open(path);
      await expect(attempt).rejects.toBeInstanceOf(DatabaseLockedError);
      await expect(Database.open(path)).rejects.toThrow(/in use by another process.*--db PATH/s);
    } finally {
      holder.kill('SIGKILL');
      cleanup();
    }
  });

  it('rolls back a failed write and keeps serving later writes', async () => {
    const db = await Database.open(':memory:');
    await db.run('CREATE TABLE t (x INTEGER)');
    await expect(
      db.write(async (tx) => {
        await tx.run('INSERT INTO t (x) VALUES (1)');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await db.write((tx) => tx.run('INSERT INTO t (x) VALUES (2)'));
    expect(await db.all('SELECT x FROM t')).toEqual([{ x: 2 }]);
  });

  it('runs every statement of a script given without values, and binds values given with one', async () => {
    const db = await Database.open(':memory:');
    await db.run("CREATE TABLE t (x INTEGER, tags VARCHAR[]); INSERT INTO t VALUES (1, []); INSERT INTO t VALUES (2, ['a'])");
    await db.write(async (tx) => {
      await tx.run('INSERT INTO t VALUES (3, []); INSERT INTO t VALUES (4, [])');
      await tx.run('INSERT INTO t VALUES (?, ?)', [5, ['b', 'c']]);
    });
    await db.run('INSERT INTO t VALUES (?, ?)', [6, []]);
    expect(await db.all('SELECT x, tags FROM t ORDER BY x')).toEqual([
      { x: 1, tags: [] }, { x: 2, tags: ['a'] }, { x: 3, tags: [] }, { x: 4, tags: [] }, { x: 5, tags: ['b', 'c'] }, { x: 6, tags: [] },
    ]);
    expect(await db.all('SELECT count(*)::INTEGER AS n FROM t WHERE x > ?', [4])).toEqual([{ n: 2 }]);
    // A placeholder with no value is refused, not run with NULL.
    await expect(db.run('INSERT INTO t VALUES (?, [])')).rejects.toThrow();
    db.close();
  });
});
