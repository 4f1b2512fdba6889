import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { checkAccess, ServerConfigError, startServer, type RunningServer } from '../../api/server.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';
import { runCli } from '../support/cli.js';

// Red team: request headers and start-up settings an attacker or a typo can get wrong.
const malformed = ['exa mple', '[::1', 'a@b', '%', 'a/b', 'localhost:99999', 'local host:80', '[zz]x', 'a..b'];

describe('a malformed Host header', () => {
  let db: Database;
  let server: RunningServer;
  beforeAll(async () => {
    db = await memoryDb();
    server = await startServer({ db, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    db?.close();
  });

  it.each(malformed)('answers 400 with a message for Host %j, with or without a token', async (host) => {
    for (const token of [undefined, 'a-long-enough-token-value']) {
      const app = createApp({ db, token });
      for (const [method, path] of [['GET', '/api/health'], ['POST', '/api/query'], ['GET', '/']] as const) {
        const res = await app.request(path, { method, headers: { host, authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: method === 'POST' ? '{"sql":"SELECT 1"}' : undefined });
        expect(res.status, `${method} ${path}`).toBe(400);
        expect(((await res.json()) as { code: string }).code).toBe('bad_host');
      }
    }
  });

  it('answers 400, never 500, to raw requests with hostile Host values on a listening server', async () => {
    for (const host of [...malformed, 'ÿ', 'localhost, evil', '127.0.0.1:abc']) {
      const status = await new Promise<string>((resolve, reject) => {
        const sock = net.connect(server.port, '127.0.0.1', () => sock.write(`GET /api/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1'));
        let data = '';
        sock.on('data', (b) => (data += String(b)));
        sock.on('end', () => resolve(data.split('\r\n')[0]!));
        sock.on('error', reject);
      });
      expect(status, host).toMatch(/^HTTP\/1\.1 400 /);
    }
  });

  it('still serves well-formed loopback names and ports', async () => {
    const app = createApp({ db });
    for (const host of ['localhost', 'localhost:8080', '127.0.0.1:1', '[::1]:8080', '[::1]']) expect((await app.request('/api/health', { headers: { host } })).status, host).toBe(200);
  });
});

describe('a token of whitespace', () => {
  it('refuses to start with a token that is only whitespace, however long', () => {
    for (const token of [' '.repeat(20), '\t'.repeat(32), ' \n '.repeat(10)]) {
      expect(() => checkAccess('127.0.0.1', token)).toThrow(ServerConfigError);
      expect(() => checkAccess('0.0.0.0', token)).toThrow(/only whitespace/);
    }
  });

  it('refuses a token with surrounding whitespace, which no client could send back', () => {
    expect(() => checkAccess('0.0.0.0', ' 0123456789abcdef0123 ')).toThrow(/starts or ends with whitespace/);
  });

  it('calabi serve exits 2 when CALABI_TOKEN is whitespace', async () => {
    const r = await runCli(['serve', '--db', ':memory:', '--port', '0'], { CALABI_TOKEN: ' '.repeat(24) }, 30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only whitespace/);
  });
});
