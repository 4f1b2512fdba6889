import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Catalog } from '../../controls/loader.js';
import { finishRun, startRun } from '../../scheduler/runs.js';
import type { Database } from '../../schema/db.js';
import { seedScan } from '../../testkit/seed-scan.js';
import { memoryDb } from '../support/db.js';
import { seedScans, writeTestCatalog } from './fixture.js';
import { fixturePath } from '../sources/terraform/support.js';

// Every route in /api/openapi.json is called on a real server over HTTP, on a seeded database, and each real answer is
// validated against the document's schema for its status and content type (ajv, JSON Schema 2020-12 as OpenAPI 3.1
// uses). Objects declared closed (additionalProperties: false) fail on an undocumented field; required ones on a gap.

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };

let db: Database;
let catalog: Catalog;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;
let server: ServerType;
let base: string;
let doc: Doc;
let scans: { first: string; second: string };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

beforeAll(async () => {
  ({ catalog, cleanup } = writeTestCatalog());
  db = await memoryDb();
  scans = await seedScans(db, catalog);
  // Two CIS versions with a scan each, so compare has something to set side by side.
  const http = { status: 'FAIL' as const, checks: ['s3_bucket_denies_http'] };
  await seedScan(db, { id: 'v15', benchmarkId: 'cis-aws-1.5', startedAt: '2026-11-20T06:00:00Z', controls: [{ id: '2.1.2', ...http }], findings: [{ control: '2.1.2', resource: 'arn:aws:s3:::acme-logs', evidence: { bucket: 'acme-logs' } }] });
  await seedScan(db, { id: 'v30', benchmarkId: 'cis-aws-3.0', startedAt: '2026-11-20T06:00:00Z', controls: [{ id: '2.1.1', ...http }, { id: '1.8', status: 'PASS' }] });
  const run = await startRun(db, { schedule_id: null, benchmark_id: 'api-test', trigger: 'cli', scheduled_for: null, started_at: new Date('2026-11-21T06:00:00Z') });
  await finishRun(db, run, 'ok', new Date('2026-11-21T06:00:05Z'), { scan_id: scans.second, score: 50, previous_score: 0 });
  app = createApp({ db, catalog, onUnexpectedError: (e) => { throw e; } });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as Doc;
  ajv.addSchema(doc as object, 'openapi');
});
afterAll(async () => {
  (server as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
  await new Promise((r) => server?.close(r));
  app?.close();
  db?.close();
  cleanup?.();
});

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The validator of one documented response body (status and media type as the document declares them). */
function validatorFor(path: string, method: string, status: number, type: string) {
  const response = doc.paths[path]?.[method]?.responses[String(status)];
  if (!response) throw new Error(`${method.toUpperCase()} ${path} answered ${status}, which the document does not declare`);
  const media = Object.keys(response.content ?? {}).find((m) => type.split(';')[0]!.trim() === m);
  if (response.content && !media) throw new Error(`${method.toUpperCase()} ${path} ${status} answered ${type}; the document declares ${Object.keys(response.content).join(', ')}`);
  return media ? ajv.getSchema(`openapi#/${pointer('paths', path, method, 'responses', String(status), 'content', media, 'schema')}`) ?? ajv.compile({ $ref: `openapi#/${pointer('paths', path, method, 'responses', String(status), 'content', media, 'schema')}` }) : undefined;
}

interface Call {
  /** The URL path with its ids filled in (and a query where it matters). */
  url: string;
  body?: unknown;
  /** The status the call must get (default: the first 2xx the document declares). */
  status?: number;
}

/** The concrete requests, keyed by the document's operation; ids made by earlier writes are filled in as they come. */
const made: Record<string, string> = {};
const calls: Record<string, () => Call> = {
  'get /api/openapi.json': () => ({ url: '/api/openapi.json' }),
  'get /api/health': () => ({ url: '/api/health' }),
  'get /api/schema': () => ({ url: '/api/schema' }),
  'get /api/benchmarks': () => ({ url: '/api/benchmarks' }),
  'get /api/benchmarks/{id}/report': () => ({ url: `/api/benchmarks/api-test/report?scan=${scans.first}&sort=-affected` }),
  'get /api/benchmarks/{id}/controls/{controlId}': () => ({ url: '/api/benchmarks/api-test/controls/1.2' }),
  'get /api/frameworks': () => ({ url: '/api/frameworks' }),
  'get /api/benchmarks/{id}/scorecard': () => ({ url: `/api/benchmarks/api-test/scorecard?scan=${scans.first}` }),
  'get /api/resources/requirements': () => ({ url: `/api/resources/requirements?resource_id=${encodeURIComponent('arn:aws:s3:::acme-logs')}` }),
  'get /api/scans': () => ({ url: '/api/scans' }),
  'get /api/scans/{id}': () => ({ url: `/api/scans/${scans.second}` }),
  'get /api/scans/{id}/events': () => ({ url: `/api/scans/${scans.second}/events` }),
  'get /api/scans/{id}/export.csv': () => ({ url: '/api/scans/latest/export.csv?benchmark=api-test&level=findings' }),
  'get /api/scans/{id}/export.xlsx': () => ({ url: `/api/scans/${scans.second}/export.xlsx` }),
  'get /api/scans/{id}/export.pdf': () => ({ url: `/api/scans/${scans.second}/export.pdf` }),
  'get /api/scans/{id}/export.ocsf.jsonl': () => ({ url: `/api/scans/${scans.second}/export.ocsf.jsonl` }),
  'get /api/scans/{id}/export.asff.jsonl': () => ({ url: `/api/scans/latest/export.asff.jsonl?benchmark=api-test&home_region=eu-west-1` }),
  'get /api/scans/{a}/diff/{b}': () => ({ url: `/api/scans/${scans.first}/diff/${scans.second}` }),
  'get /api/compare': () => ({ url: '/api/compare' }),
  'get /api/trend': () => ({ url: '/api/trend?days=36500' }),
  'get /api/plan': () => ({ url: '/api/plan?benchmark=api-test&max_resources=1' }),
  // A real plan (a synthetic one of the repository's fixtures), audited against the test benchmark: nothing is stored.
  'post /api/iac': () => ({ url: '/api/iac?benchmark=api-test', body: JSON.parse(readFileSync(fixturePath('synthetic-compute-storage.json'), 'utf8')) }),
  'post /api/query': () => ({ url: '/api/query', body: { sql: 'SELECT name, encryption_algorithm FROM aws_s3_buckets ORDER BY name' } }),
  'post /api/scans': () => ({ url: '/api/scans', body: { benchmark: 'api-test' } }),
  'get /api/schedule-runs': () => ({ url: '/api/schedule-runs' }),
  'post /api/schedules': () => ({ url: '/api/schedules', body: { benchmark_id: 'api-test', frequency: 'weekly', weekday: 'friday', time_of_day: '18:15', timezone: 'Europe/Berlin', alert_threshold: 5 } }),
  'get /api/schedules': () => ({ url: '/api/schedules' }),
  'get /api/schedules/{id}': () => ({ url: `/api/schedules/${made.schedule}` }),
  'patch /api/schedules/{id}': () => ({ url: `/api/schedules/${made.schedule}`, body: { frequency: 'monthly', day_of_month: 'last' } }),
  'post /api/schedules/{id}/pause': () => ({ url: `/api/schedules/${made.schedule}/pause` }),
  'post /api/schedules/{id}/resume': () => ({ url: `/api/schedules/${made.schedule}/resume` }),
  // This server runs no scheduler (calabi serve does): the documented 409.
  'post /api/schedules/{id}/run': () => ({ url: `/api/schedules/${made.schedule}/run`, status: 409 }),
  'get /api/schedules/{id}/runs': () => ({ url: `/api/schedules/${made.schedule}/runs` }),
  'post /api/channels': () => ({ url: '/api/channels', body: { name: 'ops', url: 'http://127.0.0.1:9/hook' } }),
  'get /api/channels': () => ({ url: '/api/channels' }),
  // Loopback is not an allowed webhook destination here, so nothing is sent; the refusal is logged as a delivery.
  'post /api/channels/{id}/test': () => ({ url: `/api/channels/${made.channel}/test` }),
  'get /api/channels/{id}': () => ({ url: `/api/channels/${made.channel}` }),
  'get /api/channels/{id}/deliveries': () => ({ url: `/api/channels/${made.channel}/deliveries` }),
  'patch /api/channels/{id}': () => ({ url: `/api/channels/${made.channel}`, body: { enabled: false } }),
  'post /api/exceptions': () => ({ url: '/api/exceptions', body: { benchmark: 'api-test', requirement: '1.2', resource: 'arn:aws:s3:::*', justification: 'accepted for the test', owner: 'team', expires: new Date(Date.now() + 7 * 86_400_000).toISOString(), by: 'tester' } }),
  'get /api/exceptions': () => ({ url: '/api/exceptions?all=true' }),
  'get /api/exceptions/{id}': () => ({ url: `/api/exceptions/${made.exception}` }),
  'patch /api/exceptions/{id}': () => ({ url: `/api/exceptions/${made.exception}`, body: { owner: 'team-b', by: 'tester' } }),
  'post /api/exceptions/{id}/revoke': () => ({ url: `/api/exceptions/${made.exception}/revoke?by=tester` }),
  'delete /api/schedules/{id}': () => ({ url: `/api/schedules/${made.schedule}` }),
  'delete /api/channels/{id}': () => ({ url: `/api/channels/${made.channel}` }),
};

async function exercise(key: string): Promise<{ status: number; body: unknown; errors: string[] }> {
  const [method, path] = key.split(' ') as [string, string];
  const call = calls[key]!();
  const res = await fetch(`${base}${call.url}`, {
    method: method.toUpperCase(),
    headers: call.body === undefined ? {} : { 'content-type': 'application/json' },
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  const type = res.headers.get('content-type') ?? '';
  const declared = Object.keys(doc.paths[path]![method]!.responses).map(Number);
  const expected = call.status ?? declared.find((s) => s >= 200 && s < 300)!;
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${key}: expected ${expected}, got ${res.status}: ${text.slice(0, 300)}`);
  const validate = validatorFor(path, method, res.status, type);
  // NDJSON (the OCSF and ASFF downloads) is text: one JSON document per line, each parsed by its own test.
  const body = type.includes('json') && !type.includes('ndjson') ? JSON.parse(text) : text;
  const errors = validate && !validate(body) ? (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`) : [];
  return { status: res.status, body, errors };
}

describe('the OpenAPI document against the real server', () => {
  it('documents every route the app serves, and every documented operation has a call in this test', async () => {
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`));
    expect(served.length).toBeGreaterThan(30);
    for (const route of new Set(served)) expect(documented, route).toContain(route);
    expect(new Set(documented)).toEqual(new Set(Object.keys(calls)));
  });

  it('answers every documented operation with a body its schema accepts: no undocumented field, no missing required one', async () => {
    const failures: string[] = [];
    for (const key of Object.keys(calls)) {
      const { body, errors } = await exercise(key);
      if (key === 'post /api/schedules') made.schedule = (body as { id: string }).id;
      if (key === 'post /api/channels') made.channel = (body as { id: string }).id;
      if (key === 'post /api/exceptions') made.exception = (body as { id: string }).id;
      if (errors.length) failures.push(`${key}: ${errors.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('validates error answers against the Error schema too', async () => {
    for (const [url, path, status] of [
      ['/api/scans?limit=0', '/api/scans', 400],
      ['/api/benchmarks/nope/report', '/api/benchmarks/{id}/report', 404],
      ['/api/scans/nope/export.csv', '/api/scans/{id}/export.csv', 404],
    ] as const) {
      const res = await fetch(`${base}${url}`);
      expect(res.status, url).toBe(status);
      const validate = validatorFor(path, 'get', status, res.headers.get('content-type') ?? '')!;
      const body = await res.json();
      expect(validate(body), `${url}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('would catch drift: an undocumented field or a missing required one fails validation', async () => {
    const res = await fetch(`${base}/api/health`);
    const validate = validatorFor('/api/health', 'get', 200, res.headers.get('content-type') ?? '')!;
    const body = (await res.json()) as Record<string, unknown>;
    expect(validate(body)).toBe(true);
    expect(validate({ ...body, surprise: 1 })).toBe(false);
    const { status: _dropped, ...missing } = body;
    expect(validate(missing)).toBe(false);
    const report = (await (await fetch(`${base}/api/benchmarks/api-test/report`)).json()) as { controls: Array<Record<string, unknown>> };
    const validateReport = validatorFor('/api/benchmarks/{id}/report', 'get', 200, 'application/json')!;
    expect(validateReport(report)).toBe(true);
    report.controls[0]!.extra_column = 'x';
    expect(validateReport(report)).toBe(false);
  });

  it('keeps the content types of the stream and the downloads, as documented', async () => {
    const types = { [`/api/scans/${scans.second}/events`]: 'text/event-stream', [`/api/scans/${scans.second}/export.csv`]: 'text/csv', [`/api/scans/${scans.second}/export.pdf`]: 'application/pdf' };
    for (const [url, type] of Object.entries(types)) {
      const res = await fetch(`${base}${url}`);
      expect(res.headers.get('content-type'), url).toContain(type);
      await res.arrayBuffer();
    }
    expect(Object.keys(doc.paths['/api/scans/{id}/export.xlsx']!.get!.responses['200']!.content!)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  });
});
