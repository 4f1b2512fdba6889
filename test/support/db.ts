import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../schema/db.js';

/**
 * The migrated schema, made once per test process: a real database file that Database.open migrated, as a user's
 * first run does. Migrating (about 1,500 columns with their descriptions) takes ~0.6 s; copying the result takes
 * ~0.1 s, and hundreds of tests each want a fresh database.
 */
let template: Promise<string> | undefined;
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calabi-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'migrated.duckdb');
    (await Database.open(path)).close();
    return path;
  })();
  return template;
}

/**
 * A migrated in-memory database: real DuckDB, real SQL, nothing mocked. It is a copy (COPY FROM DATABASE: tables
 * with their defaults, constraints and descriptions, views, macros, the migrations' rows) of a database the real
 * migrations made in this process; test/support/db.test.ts checks the copy's catalogue equals a fresh migration's.
 */
export async function memoryDb(): Promise<Database> {
  const path = await migratedTemplate();
  const db = await Database.open(':memory:', { migrate: false });
  try {
    await db.run(`ATTACH '${path.replace(/'/g, "''")}' AS calabi_template (READ_ONLY)`);
    await db.run('COPY FROM DATABASE calabi_template TO memory');
    await db.run('DETACH calabi_template');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
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
