import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Database } from '../../schema/db.js';
import { seedScan } from '../../testkit/seed-scan.js';
import { memoryDb } from '../support/db.js';

// Review: the error statuses of the drift and compare routes, and channel change/delete through /api/channels.
let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await memoryDb();
  app = createApp({ db, onUnexpectedError: (e) => { throw e; } });
  const http = { status: 'FAIL' as const, checks: ['s3_bucket_denies_http'] };
  await seedScan(db, { id: 'v3-a', startedAt: '2026-11-20T06:00:00Z', controls: [{ id: '2.1.1', ...http }] });
  await seedScan(db, { id: 'v15-a', benchmarkId: 'cis-aws-1.5', startedAt: '2026-11-20T06:00:00Z', controls: [{ id: '2.1.2', ...http }] });
});
afterAll(() => db?.close());

const call = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
  const res = await app.request(path, { ...init, ...(init.json !== undefined ? { body: JSON.stringify(init.json), headers: { 'content-type': 'application/json' } } : {}) });
  return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? ((await res.json()) as any) : null };
};

describe('drift and compare errors', () => {
  it('answers 404 for an unknown scan in a diff and 400 for two scans of different benchmarks', async () => {
    const unknown = await call('/api/scans/v3-a/diff/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('nope');
    const mixed = await call('/api/scans/v3-a/diff/v15-a');
    expect(mixed.status).toBe(400);
    expect(mixed.body).toMatchObject({ field: 'b' });
    expect(JSON.stringify(mixed.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('compares two versions by check, and refuses one benchmark (400) or an unknown one (404)', async () => {
    const ok = await call('/api/compare?benchmarks=cis-aws-1.5,cis-aws-3.0');
    expect(ok.status).toBe(200);
    const row = ok.body.rows.find((r: { check_id: string }) => r.check_id === 's3_bucket_denies_http');
    expect(row.requirements['cis-aws-1.5'][0]).toMatchObject({ id: '2.1.2', status: 'FAIL' });
    expect(row.requirements['cis-aws-3.0'][0]).toMatchObject({ id: '2.1.1', status: 'FAIL' });
    expect((await call('/api/compare?benchmarks=cis-aws-3.0')).body).toMatchObject({ status: 400, field: 'benchmarks' });
    expect((await call('/api/compare?benchmarks=cis-aws-3.0,nope')).status).toBe(404);
    expect((await call('/api/compare?benchmarks=cis-aws-1.4,cis-aws-3.0')).status).toBe(404);
  });

  it('compares every CIS version that has a scan when none are named, and names the others', async () => {
    const all = await call('/api/compare');
    expect(all.status).toBe(200);
    expect(all.body.benchmarks.map((b: { benchmark_id: string }) => b.benchmark_id)).toEqual(['cis-aws-1.5', 'cis-aws-3.0']);
    expect(all.body.not_evaluated).toEqual(['cis-aws-1.4', 'cis-aws-2.0', 'cis-aws-4.0', 'cis-aws-5.0', 'cis-aws-6.0', 'cis-aws-7.0']);
    expect(all.body.changed_meaning).toEqual([]);
  });
});

describe('/api/channels change and delete', () => {
  it('disables, renames and deletes a channel; 404 afterwards; 400 for a bad URL in a change', async () => {
    const created = await call('/api/channels', { method: 'POST', json: { name: 'ops', url: 'http://127.0.0.1:9/hook' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const changed = await call(`/api/channels/${id}`, { method: 'PATCH', json: { name: 'ops-2', enabled: false } });
    expect(changed.status).toBe(200);
    expect((await call(`/api/channels/${id}`)).body).toMatchObject({ name: 'ops-2', enabled: false, url: 'http://127.0.0.1:9/hook' });
    expect((await call(`/api/channels/${id}`, { method: 'PATCH', json: { url: 'file:///etc/passwd' } })).body).toMatchObject({ status: 400, field: 'url' });
    expect((await call(`/api/channels/${id}`, { method: 'DELETE' })).status).toBeLessThan(300);
    expect((await call(`/api/channels/${id}`)).status).toBe(404);
    expect((await call(`/api/channels/${id}`, { method: 'DELETE' })).status).toBe(404);
  });
});
