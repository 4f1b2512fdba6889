import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { calabiVersion, migrations } from '../../schema/migrations.js';
import { NewerDatabaseError } from '../../schema/newer.js';
import { seedScan } from '../../testkit/seed-scan.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';

// Issue 17: a database file written by a newer Calabi (a migration this build does not know) was used silently.
let dir: { dir: string; cleanup: () => void };
let path: string;
beforeAll(async () => {
  dir = tempDir();
  path = join(dir.dir, 'from-the-future.duckdb');
  const db = await Database.open(path);
  await seedScan(db, { id: 'scan-old', controls: [{ id: '1.1', status: 'FAIL' }], findings: [{ control: '1.1', resource: 'arn:aws:s3:::b' }] });
  await db.run("INSERT INTO schema_migrations (version, name, applied_at, calabi_version) VALUES (9999, 'something new', now(), '9.9.9')");
  db.close();
}, 60_000);
afterAll(() => dir.cleanup());

describe('a database written by a newer Calabi', () => {
  it('records which Calabi applied each migration', async () => {
    const db = await Database.open(':memory:');
    try {
      const rows = await db.all<{ version: number; calabi_version: string }>('SELECT version, calabi_version FROM schema_migrations ORDER BY version');
      expect(rows).toEqual(migrations.map((m) => ({ version: m.version, calabi_version: calabiVersion })));
    } finally {
      db.close();
    }
  });

  it('is refused for writing, naming the version that wrote it, and left unchanged', async () => {
    const attempt = Database.open(path);
    await expect(attempt).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(attempt).rejects.toThrow(/written by Calabi 9\.9\.9 \(schema version 9999; this is Calabi .*Upgrade Calabi/);
    const ro = await Database.open(path, { readOnly: true });
    try {
      expect(await ro.one('SELECT count(*) AS n FROM schema_migrations')).toEqual({ n: migrations.length + 1 });
    } finally {
      ro.close();
    }
  });

  it('makes write commands exit 2 with the message and read-only commands still work', async () => {
    for (const args of [['evaluate', 'cis-aws-3.0'], ['sync', '--regions', 'us-east-1']]) {
      const r = await runCli(['--db', path, ...args]);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toMatch(/written by Calabi 9\.9\.9/);
    }
    const q = await runCli(['--db', path, 'query', 'SELECT id FROM scans', '--format', 'csv']);
    expect(q.code).toBe(0);
    expect(q.stdout).toContain('scan-old');
    const b = await runCli(['--db', path, 'benchmarks', '--format', 'json']);
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/note: .*written by Calabi 9\.9\.9.*opened read-only/);
    const out = join(dir.dir, 'old.csv');
    const e = await runCli(['--db', path, 'export', 'scan-old', '--format', 'csv', '-o', out]);
    expect(e.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  }, 300_000);
});
