import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { pruneHistory } from '../../scheduler/retention.js';
import { memoryDb } from '../support/db.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A complete scan row and one requirement mapping the given checks. */
async function scanRow(db: Database, id: string, evaluationId: string | null, startedAt: string, checks: string[]): Promise<void> {
  await db.run(
    `INSERT INTO scans (id, benchmark_id, started_at, finished_at, status, evaluation_id) VALUES (?, ?, ?::TIMESTAMP, ?::TIMESTAMP, 'complete', ?)`,
    [id, `bench-${id}`, startedAt, startedAt, evaluationId],
  );
  await db.run(
    `INSERT INTO control_results (scan_id, control_id, position, status, affected_count, check_ids) VALUES (?, 'R1', 0, 'FAIL', 1, ?)`,
    [id, checks],
  );
}

describe('migration 110: findings stored once per check and evaluation', () => {
  it('upgrades a file whose findings were stored per requirement: its scans read the same findings through the view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calabi-m110-'));
    dirs.push(dir);
    const path = join(dir, 'old.duckdb');
    // A file as Calabi wrote it before migration 110: findings a table, no check_findings, no evaluation_id.
    let db = await Database.open(path);
    await db.run('DROP VIEW findings');
    await db.run('DROP TABLE check_findings');
    await db.run('ALTER TABLE requirement_findings RENAME TO findings');
    await db.run('ALTER TABLE scans DROP COLUMN evaluation_id');
    await db.run('DELETE FROM schema_migrations WHERE version = 110');
    await db.run(`INSERT INTO scans (id, benchmark_id, started_at, status) VALUES ('old', 'cis-aws-3.0', now(), 'complete')`);
    await db.run(`INSERT INTO control_results (scan_id, control_id, position, status, affected_count, check_ids) VALUES ('old', '1.4', 0, 'FAIL', 1, ['iam_root_no_access_keys'])`);
    await db.run(`INSERT INTO findings VALUES ('old', '1.4', 'iam_root_no_access_keys', 'arn:aws:iam::1:root', '1', 'global', 'root has a key', NULL)`);
    db.close();

    db = await Database.open(path);
    try {
      expect(await db.all('SELECT scan_id, control_id, check_id, resource_id, reason FROM findings')).toEqual([
        { scan_id: 'old', control_id: '1.4', check_id: 'iam_root_no_access_keys', resource_id: 'arn:aws:iam::1:root', reason: 'root has a key' },
      ]);
      expect(await db.all('SELECT count(*)::INT AS n FROM requirement_findings')).toEqual([{ n: 1 }]);
      expect(await db.all("SELECT version FROM schema_migrations WHERE version = 110")).toEqual([{ version: 110 }]);
    } finally {
      db.close();
    }
  });

  it('shows an evaluation\'s check findings under every requirement of every scan that maps the check', async () => {
    const db = await memoryDb();
    try {
      await scanRow(db, 'a', 'e1', '2026-11-01', ['c1', 'c2']);
      await scanRow(db, 'b', 'e1', '2026-11-01', ['c2']);
      await db.run(`INSERT INTO control_results (scan_id, control_id, position, status, affected_count, check_ids) VALUES ('a', 'R2', 1, 'FAIL', 1, ['c2', 'c2'])`);
      await db.run(`INSERT INTO check_findings VALUES ('e1', 'c1', 'r1', '1', 'us-east-1', 'one', NULL), ('e1', 'c2', 'r2', '1', 'us-east-1', 'two', NULL), ('e0', 'c2', 'r9', '1', 'us-east-1', 'other evaluation', NULL)`);
      expect(await db.all('SELECT scan_id, control_id, check_id, resource_id FROM findings ORDER BY ALL')).toEqual([
        { scan_id: 'a', control_id: 'R1', check_id: 'c1', resource_id: 'r1' },
        { scan_id: 'a', control_id: 'R1', check_id: 'c2', resource_id: 'r2' },
        { scan_id: 'a', control_id: 'R2', check_id: 'c2', resource_id: 'r2' },
        { scan_id: 'b', control_id: 'R1', check_id: 'c2', resource_id: 'r2' },
      ]);
    } finally {
      db.close();
    }
  });

  it('prunes an evaluation\'s check findings only once no scan of it is kept', async () => {
    const db = await memoryDb();
    try {
      // e-old: two old scans, both pruned. e-mixed: an old scan pruned and the latest of its benchmark kept.
      await scanRow(db, 'old-1', 'e-old', '2026-01-01', ['c']);
      await scanRow(db, 'old-2', 'e-old', '2026-01-01', ['c']);
      await scanRow(db, 'mixed-old', 'e-mixed', '2026-01-02', ['c']);
      await db.run(`INSERT INTO scans (id, benchmark_id, started_at, finished_at, status, evaluation_id) VALUES ('mixed-kept', 'bench-old-1', '2026-01-02', '2026-01-02', 'complete', 'e-mixed')`);
      await db.run(`INSERT INTO control_results (scan_id, control_id, position, status, affected_count, check_ids) VALUES ('mixed-kept', 'R1', 0, 'FAIL', 1, ['c'])`);
      await db.run(`INSERT INTO check_findings VALUES ('e-old', 'c', 'r', '1', 'global', 'x', NULL), ('e-mixed', 'c', 'r', '1', 'global', 'y', NULL)`);
      // Newer scans of the other benchmarks, so the old ones are not the latest of theirs.
      for (const b of ['old-2', 'mixed-old']) await db.run(`INSERT INTO scans (id, benchmark_id, started_at, status) VALUES ('new-${b}', 'bench-${b}', '2026-11-01', 'complete')`);
      await db.run(`INSERT INTO scans (id, benchmark_id, started_at, status) VALUES ('new-old-1', 'bench-old-1-other', '2026-11-01', 'complete')`);

      const pruned = await pruneHistory(db, { retentionDays: 30, now: new Date('2026-11-30T00:00:00Z') });
      expect(pruned.scans).toBe(3);
      expect(await db.all('SELECT evaluation_id, reason FROM check_findings ORDER BY ALL')).toEqual([{ evaluation_id: 'e-mixed', reason: 'y' }]);
      expect(await db.all("SELECT scan_id, reason FROM findings")).toEqual([{ scan_id: 'mixed-kept', reason: 'y' }]);
    } finally {
      db.close();
    }
  });
});
