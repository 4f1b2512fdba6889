import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';

// Issue 2: "Exit status ... 2 could not run (... unusable database — with a message that says what to do). A database
// held by another Calabi process is reported as such, not as a stack trace." Tested at the CLI, as a user meets it.
let dir: { dir: string; cleanup: () => void };
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.cleanup());

const creds = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' };

describe('a database calabi cannot use', () => {
  it('exits 2 naming the other process when the database file is held, without a stack trace', async () => {
    const path = join(dir.dir, 'held.duckdb');
    const holder = await Database.open(path); // this test process holds DuckDB's file lock
    try {
      const r = await runCli(['--db', path, 'sync', '--regions', 'us-east-1'], { ...creds, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/in use by another process/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      holder.close();
    }
  });

  it('exits 2 with a message, not a stack trace, for a file that is not a DuckDB database', async () => {
    const path = join(dir.dir, 'garbage.duckdb');
    writeFileSync(path, 'this is not a database file\n'.repeat(200));
    const r = await runCli(['--db', path, 'query', 'SELECT 1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
