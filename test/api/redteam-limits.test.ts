import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';
import { seedScan } from '../../testkit/seed-scan.js';

// Red team: expensive operations as a denial of service, and downloads started by another site.
let db: Database;
beforeAll(async () => {
  db = await memoryDb();
  await seedScan(db, { id: 'scan-a', controls: [{ id: '1.8', status: 'PASS' }] });
});
afterAll(() => db?.close());

describe('exports', () => {
  it('refuses a download started by another site and serves the page and scripts', async () => {
    const app = createApp({ db });
    const get = (headers: Record<string, string>) => app.request('/api/scans/scan-a/export.csv', { headers });
    for (const site of ['cross-site', 'same-site']) {
      const res = await get({ 'sec-fetch-site': site });
      expect(res.status, site).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('cross_origin');
    }
    expect((await get({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await get({ 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await get({})).status).toBe(200); // curl, scripts
  });

  it('limits exports per client and answers 429 with Retry-After; failed requests cost nothing', async () => {
    const app = createApp({ db, rateLimits: { exports: { burst: 3, refillSeconds: 60 } } });
    for (let i = 0; i < 5; i++) expect((await app.request('/api/scans/nope/export.pdf')).status).toBe(404);
    for (let i = 0; i < 3; i++) expect((await app.request('/api/scans/scan-a/export.csv')).status).toBe(200);
    const limited = await app.request('/api/scans/scan-a/export.xlsx');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/too many exports.*try again in \d+ s/) });
    // Other reads are not limited.
    expect((await app.request('/api/scans/scan-a')).status).toBe(200);
  });
});

describe('Run now', () => {
  it('limits scans started per client with 429 and Retry-After', async () => {
    const evaluate = async () => ({ scanId: 'x' }) as never;
    const app = createApp({ db, evaluate, rateLimits: { scans: { burst: 1, refillSeconds: 30 } } });
    const post = () => app.request('/api/scans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"benchmark":"cis-aws-3.0"}' });
    const first = await post();
    expect(first.status).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 200));
    const second = await post();
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
