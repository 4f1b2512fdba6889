import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';

// The page's "Download CSV" asks the server for the CSV, so the console's cells pass through the one writer and
// its formula neutralisation (lib/csv/safe-cell.ts) like every export, hidden formulas and `;` cells included.
let db: Database;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await memoryDb();
  app = createApp({ db });
});
afterAll(() => db.close());

const post = (body: unknown) => app.request('/api/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /api/query with format csv', () => {
  it('answers a CRLF CSV attachment whose text cells are neutralised and whose ; cells are quoted', async () => {
    const res = await post({ sql: `SELECT '=1+1' AS a, ' =2' AS b, chr(8203) || '@x' AS c, chr(65309) || '1' AS d, 'x;y' AS e, -5 AS n, 'plain' AS p`, format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="calabi-query-.*\.csv"$/);
    expect(await res.text()).toBe(`a,b,c,d,e,n,p\r\n'=1+1,' =2,'\u200b@x,'\uff1d1,"x;y",-5,plain\r\n`);
  });

  it('says which cap cut a CSV short', async () => {
    const res = await post({ sql: 'SELECT * FROM range(20000)', format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-calabi-truncated')).toBe('rows');
  });

  it('refuses an unknown format, naming the ones that work', async () => {
    const res = await post({ sql: 'SELECT 1', format: 'xlsx' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/"json".*"csv"/);
  });
});
