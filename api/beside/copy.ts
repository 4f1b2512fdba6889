import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../schema/db.js';
import { scratchRoot } from '../../schema/scratch-dir.js';

let queue: Promise<unknown> = Promise.resolve();

/**
 * A consistent read-only copy of the served database for a CLI command beside the server. DuckDB lets no other
 * process open the served file, not even read-only, so the server writes the copy itself (COPY FROM DATABASE, as
 * the console does) under its scratch directory — the one place it may still write once external access is off.
 * The command opens the copy read-only and removes its folder when it is done; the server's exit removes the rest.
 */
export function copyForReading(db: Database): Promise<string> {
  const next = queue.then(async () => {
    const dir = mkdtempSync(join(scratchRoot(), 'cli-'));
    // Named calabi.duckdb like the console's copies, so the catalogue is `calabi` whatever the served file is called.
    const path = join(dir, 'calabi.duckdb');
    const alias = `cli_copy_${randomUUID().replace(/-/g, '')}`;
    const conn = await db.connect();
    try {
      const source = (await conn.runAndReadAll('SELECT current_database()')).getRowsJS()[0]![0] as string;
      await conn.run(`ATTACH '${path.replace(/'/g, "''")}' AS ${alias}`);
      try {
        await conn.run(`COPY FROM DATABASE "${source.replace(/"/g, '""')}" TO ${alias}`);
      } finally {
        await conn.run(`DETACH ${alias}`);
      }
    } catch (cause) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`[serve] cannot copy the database for a command beside the server: ${(cause as Error).message}`, { cause });
    } finally {
      conn.closeSync();
    }
    return path;
  });
  queue = next.catch(() => undefined);
  return next;
}
