import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Catalog } from '../../controls/loader.js';
import { evaluateBenchmark } from '../../controls/engine.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';
import { seedScans, writeTestCatalog } from './fixture.js';

let db: Database;
let catalog: Catalog;
let cleanup: () => void;
let scans: { first: string; second: string };
let app: Hono;
const unexpected: unknown[] = [];

const boom = {
  name: 'boom',
  routes: () => new OpenAPIHono().openapi(createRoute({ method: 'get', path: '/boom', summary: 'fails on purpose', responses: { 500: { description: 'always' } } }), () => {
    throw new Error('secret detail at /srv/calabi/api/x.ts:12');
  }),
};

beforeAll(async () => {
  ({ catalog, cleanup } = writeTestCatalog());
  db = await memoryDb();
  scans = await seedScans(db, catalog);
  app = createApp({ db, catalog, extraRoutes: [boom], onUnexpectedError: (e) => unexpected.push(e) });
});
afterAll(() => {
  db.close();
  cleanup();
});

async function get(path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  return { status: res.status, body: (await res.json()) as any, res };
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return get(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('benchmarks and reports', () => {
  it('lists benchmarks with requirement counts and the latest score', async () => {
    const { status, body } = await get('/api/benchmarks');
    expect(status).toBe(200);
    const b = body.benchmarks.find((x: any) => x.id === 'api-test');
    expect(b).toMatchObject({ title: 'API test benchmark', version: '1.0', requirements: 3, automated: 2, latest_scan_id: scans.second, latest_score: 50, scans: 2 });
    expect(body.benchmarks.some((x: any) => x.id === 'cis-aws-3.0')).toBe(true);
  });

  it('reports the latest scan with score, failed-by-severity counts and the trend against the previous scan', async () => {
    const { status, body } = await get('/api/benchmarks/api-test/report');
    expect(status).toBe(200);
    expect(body.scan.id).toBe(scans.second);
    expect(body.summary).toMatchObject({ score: 50, pass: 1, fail: 1, manual: 1, critical_failed: 1, high_failed: 0, trend: 50 });
    expect(body.summary.previous_scan.id).toBe(scans.first);
    expect(body.controls.map((c: any) => [c.id, c.status, c.affected_count])).toEqual([['1.1', 'PASS', 0], ['1.2', 'FAIL', 2], ['2.1', 'MANUAL', 0]]);
    expect(body.controls[1]).toMatchObject({ severity: 'critical', remediation_link: 'https://docs.aws.amazon.com/apitest_bucket_has_policy.html' });
  });

  it('puts the score formula, coverage and the age of the oldest data beside the score, for the report and the scan list', async () => {
    const { body } = await get('/api/benchmarks/api-test/report');
    const synced = await db.one<{ at: string }>("SELECT min(synced_at) AS at FROM sync_scopes WHERE table_name = 'aws_s3_buckets'");
    expect(body.summary).toMatchObject({ score_formula: 'PASS / (PASS + FAIL + ERROR)', coverage: { trusted: 2, automated: 2 }, oldest_data_at: synced!.at });
    const listed = (await get('/api/scans?benchmark=api-test')).body.scans.find((x: any) => x.id === scans.second);
    expect(listed).toMatchObject({ trusted: 2, automated: 2, oldest_data_at: synced!.at });
    const doc = (await get('/api/openapi.json')).body;
    expect(doc.components.schemas.Summary.properties.score.description).toMatch(/^PASS \/ \(PASS \+ FAIL \+ ERROR\)/);
  });

  it('reports an earlier scan when asked for it', async () => {
    const { body } = await get(`/api/benchmarks/api-test/report?scan=${scans.first}`);
    expect(body.summary).toMatchObject({ score: 0, fail: 2, high_failed: 1, trend: null });
  });

  it('filters the control table by status, severity and section, and sorts it', async () => {
    expect((await get('/api/benchmarks/api-test/report?status=fail,manual')).body.controls.map((c: any) => c.id)).toEqual(['1.2', '2.1']);
    expect((await get(`/api/benchmarks/api-test/report?severity=high&scan=${scans.first}`)).body.controls.map((c: any) => c.id)).toEqual(['1.1']);
    expect((await get('/api/benchmarks/api-test/report?section=gov')).body.controls.map((c: any) => c.id)).toEqual(['2.1']);
    expect((await get('/api/benchmarks/api-test/report?sort=-id')).body.controls.map((c: any) => c.id)).toEqual(['2.1', '1.2', '1.1']);
    expect((await get('/api/benchmarks/api-test/report?sort=status')).body.controls.map((c: any) => c.status)).toEqual(['FAIL', 'MANUAL', 'PASS']);
  });

  it('answers 400 naming the parameter for an unknown status, severity or sort key', async () => {
    for (const [q, field] of [['status=BROKEN', 'status'], ['severity=urgent', 'severity'], ['sort=colour', 'sort']] as const) {
      const { status, body } = await get(`/api/benchmarks/api-test/report?${q}`);
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 400, code: 'invalid_input', field });
      expect(body.message).toContain(field);
    }
  });

  it('answers 404 for an unknown benchmark, scan or control', async () => {
    expect((await get('/api/benchmarks/nope/report')).status).toBe(404);
    expect((await get('/api/benchmarks/api-test/report?scan=nope')).status).toBe(404);
    expect((await get('/api/benchmarks/cis-aws-3.0/report')).body.message).toContain('no completed scan');
    expect((await get('/api/benchmarks/api-test/controls/9.9')).status).toBe(404);
    expect((await get('/api/benchmarks/nope/controls/1.1')).status).toBe(404);
    expect((await get('/api/scans/nope')).status).toBe(404);
    expect((await get('/api/scans/nope/events')).status).toBe(404);
  });

  it('details a control: description, rationale, steps, links and every affected resource with evidence', async () => {
    const { status, body } = await get('/api/benchmarks/api-test/controls/1.2');
    expect(status).toBe(200);
    expect(body.control).toMatchObject({
      id: '1.2', status: 'FAIL', severity: 'critical', description: 'Description of apitest_bucket_has_policy.', rationale: 'Rationale of apitest_bucket_has_policy.',
      remediation: ['First step for apitest_bucket_has_policy.', 'Second step for apitest_bucket_has_policy.'],
      links: ['https://docs.aws.amazon.com/apitest_bucket_has_policy.html'],
    });
    expect(body.resources.map((r: any) => r.resource_id).sort()).toEqual(['arn:aws:s3:::acme-logs', 'arn:aws:s3:::acme-tmp']);
    expect(body.resources[0]).toMatchObject({ account_id: '123456789012', region: 'global', reason: 'no bucket policy', check_id: 'apitest_bucket_has_policy' });
    expect(body.resources.find((r: any) => r.resource_id.endsWith('acme-tmp')).evidence).toMatchObject({ bucket_name: 'acme-tmp', encryption_algorithm: 'aws:kms' });
    expect(body.resources_total).toBe(2);
  });

  it('names, for each check of a control, every benchmark requirement its findings fail', async () => {
    const { body } = await get('/api/benchmarks/api-test/controls/1.2');
    expect(body.control.checks.map((c: any) => c.id)).toEqual(['apitest_bucket_has_policy']);
    expect(body.control.checks[0].requirements).toEqual([{ benchmark_id: 'api-test', benchmark_title: expect.any(String), id: '1.2' }]);
  });

  it('details a manual requirement with the evidence a person must look at', async () => {
    const { body } = await get('/api/benchmarks/api-test/controls/2.1');
    expect(body.control).toMatchObject({ status: 'MANUAL', evidence_needed: 'Look at the account contacts.' });
    expect(body.resources).toEqual([]);
  });
});

describe('scans', () => {
  it('lists scans newest first with score and counts, optionally for one benchmark', async () => {
    const { body } = await get('/api/scans?benchmark=api-test');
    expect(body.scans.map((s: any) => [s.id, s.score, s.fail])).toEqual([[scans.second, 50, 1], [scans.first, 0, 2]]);
    expect((await get('/api/scans?benchmark=nope')).status).toBe(404);
    expect((await get('/api/scans?limit=0')).body.field).toBe('limit');
  });

  it("returns one scan's results", async () => {
    const { body } = await get(`/api/scans/${scans.first}`);
    expect(body.scan).toMatchObject({ id: scans.first, benchmark_id: 'api-test', status: 'complete' });
    expect(body.controls).toHaveLength(3);
  });

  it('replays a finished scan as events: one per requirement, then the summary', async () => {
    const res = await app.request(`/api/scans/${scans.second}/events`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await res.text());
    expect(events.map((e) => e.event)).toEqual(['control', 'control', 'control', 'summary']);
    expect(events[3]!.data.summary.score).toBe(50);
  });

  it('starts a scan, returns its id at once and streams each requirement as it completes, then the summary', async () => {
    const { status, body } = await post('/api/scans', { benchmark: 'api-test' });
    expect(status).toBe(202);
    expect(body).toMatchObject({ benchmark: 'api-test', sync: false, events: `/api/scans/${body.scan_id}/events` });
    const events = parseSse(await (await app.request(body.events)).text());
    expect(events.map((e) => e.event)).toEqual(['status', 'control', 'control', 'control', 'summary']);
    expect(events.filter((e) => e.event === 'control').map((e) => e.data.id).sort()).toEqual(['1.1', '1.2', '2.1']);
    // CIS's own label travels with each streamed result, so a row built from the stream shows it too.
    for (const e of events.filter((x) => x.event === 'control')) expect(['Automated', 'Manual']).toContain(e.data.assessment);
    expect(events.at(-1)!.data).toMatchObject({ scan_id: body.scan_id, summary: { score: 50 } });
    const scan = await get(`/api/scans/${body.scan_id}`);
    expect(scan.body.scan).toMatchObject({ id: body.scan_id, trigger: 'api', status: 'complete' });
  });

  it('refuses a second run while one is going with 409, not a queue', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = createApp({
      db, catalog,
      evaluate: async (o) => {
        await gate;
        return evaluateBenchmark({ ...o, catalog });
      },
    });
    const first = await slow.request('/api/scans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"benchmark":"api-test"}' });
    expect(first.status).toBe(202);
    const second = await slow.request('/api/scans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"benchmark":"api-test"}' });
    expect(second.status).toBe(409);
    expect(((await second.json()) as any).message).toContain('already running');
    const { events } = (await first.json()) as any;
    release();
    const stream = parseSse(await (await slow.request(events)).text());
    expect(stream.at(-1)!.event).toBe('summary');
    const third = await slow.request('/api/scans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"benchmark":"api-test"}' });
    expect(third.status).toBe(202);
  });

  it('reports a run still going, and resumes its event stream after Last-Event-ID', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = createApp({ db, catalog, evaluate: async (o) => { await gate; return evaluateBenchmark({ ...o, catalog }); } });
    const started = (await (await slow.request('/api/scans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"benchmark":"api-test"}' })).json()) as any;
    const during = (await (await slow.request(`/api/scans/${started.scan_id}`)).json()) as any;
    expect(during).toMatchObject({ run: { id: started.scan_id, state: 'evaluating', benchmark: 'api-test' }, scan: null });
    expect(((await (await slow.request('/api/scans')).json()) as any).running).toMatchObject({ id: started.scan_id });
    release();
    const all = parseSse(await (await slow.request(started.events)).text());
    const resumed = parseSse(await (await slow.request(started.events, { headers: { 'last-event-id': all[2]!.id! } })).text());
    expect(resumed.map((e) => e.id)).toEqual(all.slice(3).map((e) => e.id));
    expect(resumed.at(-1)!.event).toBe('summary');
  });

  it('streams an error event when the evaluation fails', async () => {
    const failing = createApp({ db, catalog, evaluate: async () => { throw new Error('the database is gone'); } });
    const { events } = (await (await failing.request('/api/scans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"benchmark":"api-test"}' })).json()) as any;
    const stream = parseSse(await (await failing.request(events)).text());
    expect(stream.at(-1)).toMatchObject({ event: 'error' });
    expect(stream.at(-1)!.data.message).toContain('the database is gone');
  });

  it('answers 400 naming the field for a bad scan request, 404 for an unknown benchmark, 409 for sync without AWS access', async () => {
    expect((await post('/api/scans', {})).body).toMatchObject({ status: 400, field: 'benchmark' });
    expect((await post('/api/scans', { benchmark: 'api-test', sync: 'yes' })).body).toMatchObject({ status: 400, field: 'sync' });
    expect((await post('/api/scans', '{not json')).body).toMatchObject({ status: 400, field: 'body' });
    expect((await post('/api/scans', [1, 2])).body).toMatchObject({ status: 400, field: 'body' });
    expect((await post('/api/scans', { benchmark: 'nope' })).status).toBe(404);
    const sync = await post('/api/scans', { benchmark: 'api-test', sync: true });
    expect(sync.status).toBe(409);
    expect(sync.body.message).toContain('cannot sync');
  });
});

describe('protocol', () => {
  it('answers 413 for a body over the limit', async () => {
    const { status, body } = await post('/api/query', { sql: `SELECT '${'x'.repeat(70_000)}'` });
    expect(status).toBe(413);
    expect(body).toMatchObject({ status: 413, code: 'body_too_large' });
  });

  it('answers 404 in JSON for an unknown API route', async () => {
    const { status, body } = await get('/api/no/such/route');
    expect(status).toBe(404);
    expect(body.message).toContain('/api/no/such/route');
    expect((await get('/api/benchmarks', { method: 'DELETE' })).status).toBe(404);
  });

  it('never sends a stack trace: an unexpected error becomes a 500 with an id, the details go to the log', async () => {
    const res = await app.request('/api/boom');
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(text).not.toContain('/srv/calabi');
    expect(text).not.toContain('at ');
    expect(JSON.parse(text).message).toMatch(/internal error [0-9a-f]{8}/);
    expect(String(unexpected.at(-1))).toContain('secret detail');
  });

  it('documents every route it serves in /api/openapi.json', async () => {
    const { status, body } = await get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => [r.method.toLowerCase(), r.path.replace(/:([A-Za-z]+)/g, '{$1}')] as const);
    expect(served.length).toBeGreaterThan(9);
    for (const [method, path] of served) expect(body.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    for (const path of ['/api/benchmarks', '/api/benchmarks/{id}/report', '/api/benchmarks/{id}/controls/{controlId}', '/api/scans', '/api/scans/{id}', '/api/scans/{id}/events', '/api/query', '/api/schema', '/api/health']) {
      expect(body.paths[path], path).toBeDefined();
    }
  });

  it('lists tables and columns with their descriptions', async () => {
    const { body } = await get('/api/schema');
    const buckets = body.tables.find((t: any) => t.name === 'aws_s3_buckets');
    expect(buckets.kind).toBe('inventory');
    expect(buckets.description).toBeTruthy();
    expect(buckets.columns.find((c: any) => c.name === 'policy')).toMatchObject({ type: 'JSON' });
    expect(body.tables.find((t: any) => t.name === 'scans').kind).toBe('calabi');
    expect(body.tables[0].kind).toBe('inventory');
  });

  it('serves the page with a strict content security policy', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await app.request('/../package.json')).status).toBe(404);
  });
});

describe('browser attacks on a token-less loopback server', () => {
  it('refuses another host name in Host (DNS rebinding), for the API and the page', async () => {
    for (const path of ['/api/benchmarks', '/']) {
      const res = await app.request(`http://calabi.attacker.example:8080${path}`);
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as any).message).toContain('localhost and 127.0.0.1 only');
    }
    expect((await app.request('http://127.0.0.1:8080/api/health')).status).toBe(200);
    expect((await app.request('http://[::1]:8080/api/health')).status).toBe(200);
  });

  it('refuses a state-changing request sent by a page of another origin, and starts nothing', async () => {
    const before = (await get('/api/scans?benchmark=api-test')).body.scans.length;
    const attempts: Array<Record<string, string>> = [{ origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'http://localhost:3000' }, { origin: 'null' }];
    for (const headers of attempts) {
      const { status, body } = await post('/api/scans', { benchmark: 'api-test' }, headers);
      expect(status, JSON.stringify(headers)).toBe(403);
      expect(body.code).toBe('cross_origin');
    }
    const sql = await post('/api/query', { sql: 'SELECT 1' }, { origin: 'http://evil.example' });
    expect(sql.status).toBe(403);
    expect((await get('/api/scans?benchmark=api-test')).body.scans.length).toBe(before);
  });

  it("accepts writes from the server's own page", async () => {
    const { status } = await post('/api/query', { sql: 'SELECT 1' }, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(status).toBe(200);
  });
});

describe('token', () => {
  let guarded: Hono;
  beforeAll(() => {
    guarded = createApp({ db, catalog, token: 's3cret-token' });
  });

  it('refuses every API call without the bearer token, or with a wrong one', async () => {
    for (const path of ['/api/health', '/api/benchmarks', '/api/openapi.json', '/api/schema', '/api/nope']) {
      const res = await guarded.request(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
    }
    expect((await guarded.request('/api/health', { headers: { authorization: 'Bearer s3cret-tokem' } })).status).toBe(401);
    expect((await guarded.request('/api/health', { headers: { authorization: 'Basic s3cret-token' } })).status).toBe(401);
    const q = await guarded.request('/api/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sql":"SELECT 1"}' });
    expect(q.status).toBe(401);
  });

  it('accepts the right token (under any host name) and still serves the page itself without one', async () => {
    expect((await guarded.request('/api/health', { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
    expect((await guarded.request('http://calabi.example.com/api/health', { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
    expect((await guarded.request('/')).status).toBe(200);
  });
});

export function parseSse(text: string): Array<{ event: string; id?: string; data: any }> {
  return text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => {
      const lines = block.split('\n');
      const field = (name: string) => lines.filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trimStart());
      return { event: field('event')[0] ?? 'message', id: field('id')[0], data: JSON.parse(field('data').join('\n')) };
    });
}
