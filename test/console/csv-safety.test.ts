import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxConfig } from '../../console/index.js';
import { startServer, type RunningServer } from '../../api/server.js';
import { Database } from '../../schema/db.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';

// Review: the SQL console's CSV (page download and `calabi query --format csv`) carries cloud text too, so it
// neutralises formula-like strings as the report exports do; numbers (a negative one included) stay numbers.
const sql = `SELECT '=HYPERLINK("http://evil","x")' AS a, '@SUM(1)' AS b, '-cmd' AS c, '+1' AS d, chr(9) || 'tab' AS e, -5 AS n, 'plain' AS p`;
const expected = [`a,b,c,d,e,n,p`, `'=HYPERLINK(""http://evil"",""x"")`, `'@SUM(1)`, `'-cmd`, `'+1`, `'\ttab`, '-5', 'plain'];

let dir: { dir: string; cleanup: () => void };
let dbPath: string;
beforeAll(async () => {
  dir = tempDir();
  dbPath = join(dir.dir, 'q.duckdb');
  (await Database.open(dbPath)).close();
});
afterAll(() => dir?.cleanup());

describe('SQL console CSV', () => {
  it('calabi query --format csv neutralises formula-like text but not numbers', async () => {
    const r = await runCli(['--db', dbPath, 'query', sql, '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, row] = r.stdout.split('\n');
    expect(header).toBe(expected[0]);
    expect(row).toBe(`"${expected[1]}",${expected.slice(2).join(',')}`);
  });

  it('the page downloads the same neutralised CSV', async () => {
    const db = await Database.open(join(dir.dir, 'page.duckdb'), { config: sandboxConfig() });
    let server: RunningServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startServer({ db, host: '127.0.0.1', port: 0 });
      browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(`${server.url}#/console`);
      await page.getByLabel(/Query/).fill(sql);
      await page.getByRole('button', { name: 'Run query' }).click();
      await page.locator('#sql-result table tbody tr').first().waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
      const [header, row] = readFileSync((await download.path())!, 'utf8').split('\r\n');
      expect(header).toBe(expected[0]);
      expect(row).toBe(`"${expected[1]}",${expected.slice(2).join(',')}`);
    } finally {
      await browser?.close();
      await server?.close();
      db.close();
    }
  }, 120_000);
});
