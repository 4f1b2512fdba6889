import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { checkAccess, isLoopback, ServerConfigError } from '../../api/server.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';

// Review: issue 4 "Access" — which addresses count as loopback, and bearer tokens that almost match.
describe('loopback and the token rule', () => {
  it('treats only 127.0.0.0/8, ::1 and localhost as loopback', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '[::]', '192.168.1.5', '10.0.0.1', '::ffff:127.0.0.1', '127.0.0.1.nip.io', 'example.com', '1270.0.0.1']) expect(isLoopback(h), h).toBe(false);
  });

  it('refuses a wildcard or LAN address without a token and allows it with one', () => {
    for (const h of ['0.0.0.0', '::', '192.168.1.5']) {
      expect(() => checkAccess(h, undefined), h).toThrow(ServerConfigError);
      expect(() => checkAccess(h, ''), h).toThrow(ServerConfigError);
      expect(() => checkAccess(h, 's3cret-token-value'), h).not.toThrow();
    }
    expect(() => checkAccess('127.0.0.1', undefined)).not.toThrow();
  });
});

describe('bearer token', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await memoryDb();
    app = createApp({ db, token: 's3cret-token-value' });
  });
  afterAll(() => db?.close());
  const status = async (authorization?: string) =>
    (await app.request('/api/benchmarks', { headers: authorization === undefined ? {} : { authorization } })).status;

  it('refuses prefixes, extensions, other schemes and case changes of the token, and accepts the exact one', async () => {
    for (const a of ['Bearer s3cret-token-valu', 'Bearer s3cret-token-value2', 'Bearer S3CRET-TOKEN-VALUE', 'Basic s3cret-token-value', 's3cret-token-value', 'Bearer ', 'Bearer s3cret-token-value, Bearer x', '']) {
      expect(await status(a), a).toBe(401);
    }
    expect(await status()).toBe(401);
    expect(await status('Bearer s3cret-token-value')).toBe(200);
  });

  it('answers every refusal alike: 401, our error body and the calabi realm, whatever was wrong with the header', async () => {
    for (const a of [undefined, 'Basic s3cret-token-value', 'Bearer ', 'Bearer s3cret-token-valu', 'Bearer s3cret token value']) {
      const res = await app.request('/api/benchmarks', { headers: a === undefined ? {} : { authorization: a } });
      expect(res.status, String(a)).toBe(401);
      expect(res.headers.get('www-authenticate'), String(a)).toBe('Bearer realm="calabi"');
      expect(await res.json(), String(a)).toEqual({ status: 401, code: 'unauthorized', message: expect.stringContaining('Authorization: Bearer <token>') });
    }
  });
});

describe('token strength', () => {
  it('refuses to start with a token shorter than 16 characters, wherever it listens', () => {
    expect(() => checkAccess('0.0.0.0', 'a')).toThrow(/1 characters long; use at least 16/);
    expect(() => checkAccess('127.0.0.1', 'short-token')).toThrow(ServerConfigError);
    expect(() => checkAccess('0.0.0.0', '0123456789abcdef')).not.toThrow();
  });

  it('refuses to start with a token a Bearer header cannot carry, and accepts the base64 and hex kinds', () => {
    for (const t of ['0123456789abcdef!', 'pass word 0123456789', 'tök-0123456789abcdef', '0123456789abcdef"']) expect(() => checkAccess('0.0.0.0', t), t).toThrow(/RFC 6750/);
    for (const t of ['0123456789abcdef0123456789abcdef', 'aGVsbG8td29ybGQtMTIzNA==', 'a.b_c~d+e/f-0123456789']) expect(() => checkAccess('0.0.0.0', t), t).not.toThrow();
  });
});
