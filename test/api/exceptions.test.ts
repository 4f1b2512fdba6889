import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';

// Issue 14 through the API: bad input answers 400 naming the field and what to do; a change and a revoke are kept in
// the exception's history; ?all=true lists revoked ones. The built-in catalogue, a real in-memory DuckDB.
let db: Database;
let app: ReturnType<typeof createApp>;
const day = 86_400_000;

beforeAll(async () => {
  db = await memoryDb();
  app = createApp({ db });
});
afterAll(() => {
  app?.close();
  db?.close();
});

const send = async (path: string, method = 'GET', body?: unknown) => {
  const res = await app.request(path, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const valid = () => ({ check: 's3_bucket_default_encryption', justification: 'encrypted by the application', owner: 'team-data', expires: new Date(Date.now() + 30 * day).toISOString() });

describe('/api/exceptions', () => {
  it('refuses a missing justification, an expiry beyond the maximum and an unknown check with messages that say what to do', async () => {
    const { justification: _j, ...noReason } = valid();
    const missing = await send('/api/exceptions', 'POST', noReason);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'invalid_input', field: 'justification' });
    expect(missing.body.message).toContain('justification is required');
    const far = await send('/api/exceptions', 'POST', { ...valid(), expires: new Date(Date.now() + 400 * day).toISOString() });
    expect(far.body).toMatchObject({ status: 400, field: 'expires' });
    expect(far.body.message).toContain('maximum of 365 days');
    const unknown = await send('/api/exceptions', 'POST', { ...valid(), check: 'no_such_check' });
    expect(unknown.body).toMatchObject({ status: 400, field: 'check' });
    expect(unknown.body.message).toContain("unknown check 'no_such_check'");
  });

  it('creates, changes and revokes an exception, keeping each step in its history', async () => {
    const created = await send('/api/exceptions', 'POST', { ...valid(), by: 'alice' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ created_by: 'alice', state: 'active', expires_soon: false, revision: 1 });
    const id = created.body.id as string;
    const changed = await send(`/api/exceptions/${id}`, 'PATCH', { expires: new Date(Date.now() + 10 * day).toISOString(), by: 'bob' });
    expect(changed.body).toMatchObject({ revision: 2, expires_soon: true });
    const revoked = await send(`/api/exceptions/${id}/revoke?by=carol`, 'POST');
    expect(revoked.body).toMatchObject({ state: 'revoked', revoked_by: 'carol', revision: 3 });
    const detail = await send(`/api/exceptions/${id}`);
    expect(detail.body.history.map((e: any) => [e.action, e.actor])).toEqual([['created', 'alice'], ['changed', 'bob'], ['revoked', 'carol']]);
    expect((await send('/api/exceptions')).body.exceptions.map((e: any) => e.id)).not.toContain(id);
    expect((await send('/api/exceptions?all=true')).body.exceptions.map((e: any) => e.id)).toContain(id);
    expect((await send('/api/exceptions/nope')).status).toBe(404);
  });
});
