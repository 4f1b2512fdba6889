import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../schema/db.js';

/** A migrated in-memory database: real DuckDB, real SQL, nothing mocked. */
export function memoryDb(): Promise<Database> {
  return Database.open(':memory:');
}

/** A real database file in a fresh temporary folder; `cleanup()` removes it. */
export async function fileDb(): Promise<{ db: Database; path: string; dir: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'calabi-test-'));
  const path = join(dir, 'calabi.duckdb');
  const db = await Database.open(path);
  return { db, path, dir, cleanup: () => { try { db.close(); } catch { /* already closed */ } rmSync(dir, { recursive: true, force: true }); } };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'calabi-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
