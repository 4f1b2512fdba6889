import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from '../schema/db.js';
import { scratchRoot as snapshotRoot } from '../schema/scratch-dir.js';

/**
 * Read-only copies of the server's database for the console's worker processes. DuckDB lets one process hold a
 * database file for writing and no other process open it at all, not even read-only (verified with 1.5:
 * "Could not set lock on file … Conflicting lock is held"), so a worker cannot read the served file itself. The
 * server writes a consistent copy instead (COPY FROM DATABASE inside its own process, a few seconds per million
 * rows) into a private directory, and takes a new one when the data changed: after a write it was told about
 * (markStale) or when the catalogue's table sizes differ from the copy's. The copy holds live rows only, never
 * the deleted ones or the write-ahead log of the served file.
 */

/** The console's copies live under Calabi's scratch directory (schema/scratch-dir.ts). */
export { snapshotRoot };

export class Snapshots {
  readonly dir: string;
  private current?: { path: string; fingerprint: string };
  private building?: Promise<string>;
  private stale = true;
  private generation = 0;

  constructor(private readonly db: Database) {
    this.dir = mkdtempSync(join(snapshotRoot(), 'db-'));
  }

  markStale(): void {
    this.stale = true;
  }

  /** The path of an up-to-date copy, building one first when needed (one build at a time). */
  async path(): Promise<string> {
    const fingerprint = await this.fingerprint();
    if (this.current && !this.stale && this.current.fingerprint === fingerprint) return this.current.path;
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async build(): Promise<string> {
    this.stale = false;
    const fingerprint = await this.fingerprint();
    // Named calabi.duckdb so queries see the catalogue as `calabi`, whatever the served file is called.
    const path = join(this.dir, `copy-${++this.generation}`, 'calabi.duckdb');
    mkdirSync(dirname(path));
    const conn = await this.db.connect();
    try {
      const source = (await conn.runAndReadAll('SELECT current_database()')).getRowsJS()[0]![0] as string;
      await conn.run(`ATTACH '${path.replace(/'/g, "''")}' AS console_snapshot`);
      try {
        await conn.run(`COPY FROM DATABASE "${source.replace(/"/g, '""')}" TO console_snapshot`);
      } finally {
        await conn.run('DETACH console_snapshot');
      }
    } catch (cause) {
      rmSync(dirname(path), { recursive: true, force: true });
      this.stale = true;
      throw new Error(`[console] cannot copy the database for the console: ${(cause as Error).message}`, { cause });
    } finally {
      conn.closeSync();
    }
    const previous = this.current?.path;
    this.current = { path, fingerprint };
    // Workers that still read the previous copy keep their open file (POSIX), so it can go now.
    if (previous) rmSync(dirname(previous), { recursive: true, force: true });
    return path;
  }

  /** Table row counts and the catalogue's objects: changes whenever a scan, sync or edit changed the data. */
  private async fingerprint(): Promise<string> {
    const row = await this.db.one<{ f: string }>(
      "SELECT (SELECT coalesce(string_agg(table_name || ':' || estimated_size || ':' || column_count, ',' ORDER BY table_name), '') FROM duckdb_tables()) || '|' || (SELECT count(*) FROM duckdb_views() WHERE NOT internal) AS f",
    );
    return row?.f ?? '';
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
