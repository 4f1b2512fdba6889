import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';

// The zod schemas of the routes (api/schemas/) validate requests; a failure must read like every other error.
let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await memoryDb();
  app = createApp({ db });
});
afterAll(() => {
  app?.close();
  db?.close();
});

const send = async (path: string, init: RequestInit = {}) => {
  const res = await app.request(path, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const json = (method: string, body: string) => ({ method, headers: { 'content-type': 'application/json' }, body });

describe('request validation', () => {
  it('names a bad query parameter and repeats the value it got', async () => {
    const { status, body } = await send('/api/scans?limit=ten');
    expect(status).toBe(400);
    expect(body).toEqual({ status: 400, code: 'invalid_input', field: 'limit', message: "limit: must be a whole number from 1 to 10000, not 'ten'" });
    expect((await send('/api/schedule-runs?limit=1001')).body).toMatchObject({ field: 'limit' });
  });

  it('treats an empty whole-number parameter as absent, as before', async () => {
    expect((await send('/api/scans?limit=')).status).toBe(200);
  });

  it('names the field of a body that breaks its schema, and an unknown field of a schedule change', async () => {
    expect((await send('/api/query', json('POST', '{"sql": 1}'))).body).toMatchObject({ status: 400, code: 'invalid_input', field: 'sql' });
    expect((await send('/api/channels', json('POST', '{"name": "ops", "url": "ftp://x"}'))).body).toMatchObject({ status: 400, field: 'url' });
    const created = await send('/api/schedules', json('POST', '{"benchmark_id": "cis-aws-3.0", "frequency": "daily", "time_of_day": "06:00"}'));
    expect(created.status).toBe(201);
    const patched = await send(`/api/schedules/${String(created.body.id)}`, json('PATCH', '{"colour": "blue"}'));
    expect(patched.body).toMatchObject({ status: 400, code: 'invalid_input', field: 'colour' });
    expect(String(patched.body.message)).toContain('unknown field; a schedule has name, benchmark_id');
  });

  it('keeps a partial schedule change partial: fields not sent keep their values', async () => {
    const created = await send('/api/schedules', json('POST', '{"benchmark_id": "cis-aws-3.0", "frequency": "daily", "time_of_day": "06:00", "timezone": "Europe/Berlin", "sync_first": true}'));
    const patched = await send(`/api/schedules/${String(created.body.id)}`, json('PATCH', '{"time_of_day": "07:00"}'));
    expect(patched.body).toMatchObject({ time_of_day: '07:00', timezone: 'Europe/Berlin', sync_first: true });
  });

  it('answers 415 in the error shape for a body that is not sent as JSON', async () => {
    const { status, body } = await send('/api/query', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"sql": "SELECT 1"}' });
    expect(status).toBe(415);
    expect(body).toEqual({ status: 415, code: 'unsupported_media_type', field: 'body', message: 'send the body as JSON with Content-Type: application/json' });
  });

  it('refuses an id with control characters in the path', async () => {
    expect((await send('/api/scans/a%01b')).body).toMatchObject({ status: 400, field: 'id' });
  });
});
