import { describe, expect, it } from 'vitest';
import { Database, DatabaseOpenError } from '../../schema/db.js';
import { runCli } from '../support/cli.js';

// Issue 17: `--db ''` or an empty CALABI_DB silently used an in-memory database, so a CI job with an unset variable
// synced and evaluated nothing persistent and exited 0.
describe('an empty database path', () => {
  it('refuses --db "" with a message that says what to give, exit 2', async () => {
    const r = await runCli(['--db', '', 'evaluate', 'cis-aws-3.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--db is empty.*in-memory database: give a file path/);
  });

  it('refuses an empty CALABI_DB for sync, query and serve alike', async () => {
    for (const args of [['sync', '--regions', 'us-east-1'], ['query', 'SELECT 1'], ['serve', '--port', '0']]) {
      const r = await runCli(args, { CALABI_DB: '' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/CALABI_DB is empty/);
    }
  }, 240_000);

  it('refuses a blank path when the database is opened directly', async () => {
    await expect(Database.open('  ')).rejects.toBeInstanceOf(DatabaseOpenError);
  });
});
