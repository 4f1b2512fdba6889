import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { loadCatalog } from '../../controls/loader.js';
import { runIac } from '../../cli/commands/iac.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import { loadSample } from '../../demo/sample.js';
import { Database } from '../../schema/db.js';
import { memoryDb, tempDir } from '../support/db.js';
import { fixturePath } from '../sources/terraform/support.js';

/**
 * The real app over a saved IaC database (`calabi iac --save`) and, for uploads, over a live database (the demo
 * account evaluated by the real engine): NOT VERIFIABLE as a status, both scores reconciled with the rows, and
 * POST /api/iac with drift, limits and same-origin rules.
 */
const catalog = loadCatalog();
let dir: { dir: string; cleanup: () => void };
let iacDb: Database;
let liveDb: Database;
let liveScanId: string;
let iacApp: ReturnType<typeof createApp>;
let liveApp: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = tempDir();
  const file = join(dir.dir, 'plan-scans.duckdb');
  await runIac(fixturePath('synthetic-compute-storage.json'), { benchmark: 'cis-aws-3.0', format: 'json', failOn: 'low', save: file });
  iacDb = await Database.open(file);
  iacApp = createApp({ db: iacDb, catalog });
  liveDb = await memoryDb();
  await loadSample(liveDb);
  liveScanId = (await evaluateBenchmark({ db: liveDb, benchmarkId: 'cis-aws-3.0', catalog, trigger: 'demo' })).scan.id;
  liveApp = createApp({ db: liveDb, catalog, rateLimits: { exports: { burst: 6, refillSeconds: 3600 } } });
}, 180_000);
afterAll(() => {
  iacApp?.close();
  liveApp?.close();
  iacDb?.close();
  liveDb?.close();
  dir?.cleanup();
});

async function get(app: ReturnType<typeof createApp>, path: string) {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as any };
}

const upload = (body: string, query = 'benchmark=cis-aws-3.0', headers: Record<string, string> = {}, app = liveApp) =>
  app.request(`/api/iac?${query}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('a saved IaC database served by the app', () => {
  it('serves NOT VERIFIABLE as a status with both scores and formulas, every figure reconciled with the table', async () => {
    const { status, body } = await get(iacApp, '/api/benchmarks/cis-aws-3.0/report');
    expect(status).toBe(200);
    const s = body.summary;
    const n = (st: string) => body.controls.filter((c: any) => c.status === st).length;
    expect(s.source).toBe('terraform');
    expect(s).toMatchObject({ pass: n('PASS'), fail: n('FAIL'), not_verifiable: n('NOT VERIFIABLE'), manual: n('MANUAL') });
    expect(s.not_verifiable).toBeGreaterThan(40);
    expect(s.verifiable_formula).toBe('verifiable score = PASS / (PASS + FAIL)');
    expect(s.overall_formula).toBe('overall = PASS / (PASS + FAIL + NOT VERIFIABLE)');
    expect(s.verifiable_score).toBe(Math.round((1000 * s.pass) / (s.pass + s.fail)) / 10);
    expect(s.overall_score).toBe(Math.round((1000 * s.pass) / (s.pass + s.fail + s.not_verifiable)) / 10);
    // Section by section, and the sections add up to the whole.
    for (const x of s.sections) {
      const rows = body.controls.filter((c: any) => c.section === x.section);
      expect(x.not_verifiable).toBe(rows.filter((c: any) => c.status === 'NOT VERIFIABLE').length);
      expect(x.verifiable_score).toBe(x.pass + x.fail ? Math.round((1000 * x.pass) / (x.pass + x.fail)) / 10 : null);
    }
    expect(s.sections.reduce((a: number, x: any) => a + x.not_verifiable, 0)).toBe(s.not_verifiable);
  });

  it('filters requirements by NOT VERIFIABLE and lists the resources a plan cannot show, with why', async () => {
    const all = (await get(iacApp, '/api/benchmarks/cis-aws-3.0/report')).body;
    for (const q of ['NOT%20VERIFIABLE', 'not_verifiable']) {
      const { body } = await get(iacApp, `/api/benchmarks/cis-aws-3.0/report?status=${q}`);
      expect(body.controls.length).toBe(all.summary.not_verifiable);
      expect(new Set(body.controls.map((c: any) => c.status))).toEqual(new Set(['NOT VERIFIABLE']));
    }
    const { body } = await get(iacApp, '/api/benchmarks/cis-aws-3.0/controls/5.6');
    expect(body.not_verifiable).toEqual([{ resource_id: expect.stringContaining('tf:aws_instance.computed'), reason: expect.stringMatching(/metadata_http_tokens .*known only after apply/), terraform_addresses: ['aws_instance.computed'] }]);
    expect(body.resources_total).toBe(body.control.affected_count);
  });

  it('keeps the IaC scans in history with their NOT VERIFIABLE count and both scores', async () => {
    const { body } = await get(iacApp, '/api/scans?benchmark=cis-aws-3.0');
    expect(body.scans).toHaveLength(1);
    expect(body.scans[0]).toMatchObject({ source: 'terraform', trigger: 'iac', not_verifiable: expect.any(Number), verifiable_score: 57.1, overall_score: 6.9 });
  });

  it('refuses Run now and new schedules, which would mix live scans into it', async () => {
    for (const [path, body] of [['/api/scans', { benchmark: 'cis-aws-3.0' }], ['/api/schedules', { name: 'x', benchmark: 'cis-aws-3.0', frequency: 'daily', time_of_day: '06:00', timezone: 'UTC' }]] as const) {
      const res = await iacApp.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(409);
      expect(((await res.json()) as any).message).toMatch(/holds Terraform plan scans/);
    }
    expect(await iacDb.all('SELECT count(*) AS n FROM scans')).toEqual([{ n: 1 }]);
  });

  it('exports the IaC scan with its NOT VERIFIABLE rows through the API', async () => {
    const res = await iacApp.request('/api/scans/latest/export.csv?benchmark=cis-aws-3.0');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(',NOT VERIFIABLE,');
    expect(text).toContain('Overall score (PASS / (PASS + FAIL + NOT VERIFIABLE))');
  });
});

describe('POST /api/iac on a live database', () => {
  it("answers the plan's verdicts beside the live ones with the drift label, and writes nothing to the live database", async () => {
    const before = await liveDb.all('SELECT id FROM scans ORDER BY id');
    const res = await upload(readFileSync(fixturePath('synthetic-compute-storage.json'), 'utf8'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.live_scan.id).toBe(liveScanId);
    const byId = new Map(body.controls.map((c: any) => [c.id, c]));
    expect(byId.get('1.18')).toMatchObject({ status: 'PASS', live_status: 'FAIL', drift: 'plan fixes' });
    expect(byId.get('2.3.1')).toMatchObject({ status: 'FAIL', live_status: 'PASS', drift: 'plan breaks' });
    expect(byId.get('5.6')).toMatchObject({ not_verifiable: [expect.objectContaining({ addresses: ['aws_instance.computed'] })] });
    expect(body.summary).toMatchObject({ verifiable_score: 57.1, overall_score: 6.9, verifiable_formula: 'verifiable score = PASS / (PASS + FAIL)' });
    expect(Object.values(body.drift).reduce((a: number, b) => a + (b as number), 0)).toBe(body.controls.length);
    expect(await liveDb.all('SELECT id FROM scans ORDER BY id')).toEqual(before);
    expect((await liveDb.all<{ n: number }>(`SELECT count(*) AS n FROM aws_ec2_instances WHERE arn LIKE '%tf:%'`))[0]!.n).toBe(0);
  }, 60_000);

  it('never answers a planted secret of the plan', async () => {
    const text = readFileSync(fixturePath('synthetic-secrets-and-unknowns.json'), 'utf8');
    const planted = text.match(/PLANTED-SECRET-[A-Z-]+-[0-9a-f]{4}/g)!;
    const res = await upload(text);
    expect(res.status).toBe(200);
    const answer = await res.text();
    expect(answer.length).toBeGreaterThan(10_000);
    for (const s of planted) expect(answer).not.toContain(s);
  }, 60_000);

  it('takes a plan over the 64 KB limit of other routes, refuses one over its own limit, and refuses other sites', async () => {
    const big = readFileSync(fixturePath('checkov-nested-child-modules-with-connections.json'), 'utf8');
    expect(big.length).toBeGreaterThan(64 * 1024);
    expect((await upload(big)).status).toBe(200);
    expect((await liveApp.request('/api/scans', { method: 'POST', body: big, headers: { 'content-type': 'application/json' } })).status).toBe(413);
    const small = createApp({ db: liveDb, catalog, planBodyLimit: 10_000 });
    try {
      const res = await upload(big, 'benchmark=cis-aws-3.0', {}, small);
      expect(res.status).toBe(413);
      expect(((await res.json()) as any).message).toMatch(/plan over 10000 bytes/);
    } finally {
      small.close();
    }
    const cross = await upload('{}', 'benchmark=cis-aws-3.0', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(cross.status).toBe(403);
  }, 60_000);

  it('says what is wrong with a body that is not a plan, and with an unknown benchmark', async () => {
    const bad = await upload('{"format_version":"9.0"}');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).field).toBe('body');
    const empty = await upload(' ');
    expect(((await empty.json()) as any).message).toMatch(/terraform show -json/);
    expect((await upload('{}', 'benchmark=nope')).status).toBe(404);
  });

  it('is rate-limited like exports', { timeout: 60_000 }, async () => {
    const limited = createApp({ db: liveDb, catalog, rateLimits: { exports: { burst: 1, refillSeconds: 3600 } } });
    try {
      // Only answered uploads spend a token (as exports): a bad body costs nothing.
      const plan = readFileSync(fixturePath('synthetic-compute-storage.json'), 'utf8');
      expect((await upload('{"format_version":"9.0"}', 'benchmark=cis-aws-3.0', {}, limited)).status).toBe(400);
      expect((await upload(plan, 'benchmark=cis-aws-3.0', {}, limited)).status).toBe(200);
      const refused = await upload(plan, 'benchmark=cis-aws-3.0', {}, limited);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as any).message).toMatch(/too many plan uploads/);
    } finally {
      limited.close();
    }
  });
});
