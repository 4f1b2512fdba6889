import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { memoryDb } from '../support/db.js';

describe("the console's copies of the database", () => {
  it('removes copies a killed server left behind and reads a fresh copy after a change', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const orphan = join(tmpdir(), `calabi-console-${dead}-orphan`);
    mkdirSync(orphan, { recursive: true });
    writeFileSync(join(orphan, 'calabi.duckdb'), 'old copy');
    // Orphans are swept when a process first makes its scratch directory (schema/scratch-dir.ts); test files share
    // a worker's modules (vitest.config.ts), so this one loads the console afresh to be that first time.
    vi.resetModules();
    const { createSqlConsole } = await import('../../console/index.js');
    const db = await memoryDb();
    const sql = createSqlConsole(db);
    try {
      expect((await sql.run('SELECT count(*) AS n FROM scans')).rows).toEqual([[0]]);
      expect(existsSync(orphan)).toBe(false);
      await db.run("INSERT INTO schedules (id, name, benchmark_id, frequency, time_of_day, timezone, sync_first, paused, created_at, updated_at) VALUES ('s', 'n', 'b', 'daily', '06:00', 'UTC', false, false, now(), now())");
      expect((await sql.run('SELECT count(*) AS n FROM schedules')).rows).toEqual([[1]]);
      // An edit that keeps row counts is seen once the console is told about it (the API does after every write).
      await db.run("UPDATE schedules SET name = 'renamed'");
      sql.invalidate();
      expect((await sql.run('SELECT name FROM schedules')).rows).toEqual([['renamed']]);
    } finally {
      sql.close();
      db.close();
    }
  });
});
