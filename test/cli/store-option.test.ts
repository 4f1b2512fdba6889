import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** The store flags refuse what they cannot mean before opening anything (docs/ducklake.md). */
describe('choosing the store', () => {
  it('refuses --db and --store together', async () => {
    const r = await runCli(['--db', 'x.duckdb', '--store', 'ducklake:x.ducklake', 'status']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/either --db FILE .* or --store ducklake:CATALOG/);
  });

  it('refuses a store that is not ducklake:CATALOG, saying what to give', async () => {
    const r = await runCli(['status'], { CALABI_STORE: 'postgres:dbname=x' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give ducklake:CATALOG/);
  });

  it('refuses a PostgreSQL catalog without a data path every worker reaches', async () => {
    const r = await runCli(['--store', 'ducklake:postgres:dbname=x host=127.0.0.1 password=hunter2', 'status']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a data path/);
    expect(r.stderr).not.toContain('hunter2'); // the catalog string's password never reaches a message
  });
});
