import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { createChannel } from '../../scheduler/channels.js';
import { parseAllowList, refusedBecause } from '../../scheduler/destination.js';
import { deliver } from '../../scheduler/webhook.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';
import { runCli } from '../support/cli.js';

// Red team: webhook channels as a way for any API caller to make the server reach inside (SSRF).
let db: Database;
let inside: Server;
let port: number;
let hits: string[] = [];
let redirectTarget: Server;
let redirectHits = 0;

beforeAll(async () => {
  db = await memoryDb();
  redirectTarget = createServer((req, res) => {
    redirectHits++;
    req.resume();
    res.end('ok');
  });
  await new Promise<void>((r) => redirectTarget.listen(0, '127.0.0.1', r));
  // A receiver "inside": it answers with a secret body that must never be stored or shown.
  inside = createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    if (req.url === '/redirect') res.writeHead(302, { location: `http://127.0.0.1:${(redirectTarget.address() as AddressInfo).port}/` }).end();
    else if (req.url === '/fail') res.writeHead(500).end('INTERNAL-SECRET-BODY aws_secret_access_key=abc');
    else res.end('INSIDE-SECRET-BODY');
  });
  await new Promise<void>((r) => inside.listen(0, '127.0.0.1', r));
  port = (inside.address() as AddressInfo).port;
});
afterAll(async () => {
  db?.close();
  await new Promise((r) => inside?.close(r));
  await new Promise((r) => redirectTarget?.close(r));
});

const none = parseAllowList('');
const loopback = parseAllowList('127.0.0.1/32');

describe('webhook destinations by address', () => {
  const refused = [
    '169.254.169.254', '127.0.0.1', '127.8.9.10', '::1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::',
    'fd00:ec2::254', 'fc00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe', '224.0.0.1', '255.255.255.255',
  ];
  it.each(refused)('refuses %s', (address) => {
    expect(refusedBecause(address, none)).toBeTypeOf('string');
  });

  it('allows public addresses, also in IPv4-mapped form', () => {
    for (const a of ['8.8.8.8', '52.94.76.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(refusedBecause(a, none), a).toBeUndefined();
  });

  it('allows exactly what the operator lists', () => {
    const allow = parseAllowList('10.0.0.0/8, fd12::/16');
    expect(refusedBecause('10.9.9.9', allow)).toBeUndefined();
    expect(refusedBecause('fd12::1', allow)).toBeUndefined();
    expect(refusedBecause('11.0.0.1', allow)).toBeUndefined();
    expect(refusedBecause('192.168.0.1', allow)).toMatch(/private/);
    expect(() => parseAllowList('10.0.0.0/33')).toThrow(/not an address or CIDR/);
    expect(() => parseAllowList('intranet')).toThrow(/CALABI|CIDR/);
  });
});

describe('webhook delivery to inside addresses', () => {
  const spellings = (p: number) => [
    `http://127.0.0.1:${p}/`, `http://2130706433:${p}/`, `http://0x7f.1:${p}/`, `http://017700000001:${p}/`, `http://127.1:${p}/`,
    `http://[::ffff:127.0.0.1]:${p}/`, `http://[::ffff:7f00:1]:${p}/`, `http://localhost:${p}/`, `http://[::1]:${p}/`,
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'http://[fd00:ec2::254]/latest/meta-data/',
  ];

  it('refuses every spelling of loopback and the metadata service without connecting, and does not retry', async () => {
    hits = [];
    for (const url of spellings(port)) {
      const channel = await createChannel(db, { name: 'probe', url }, new Date());
      const result = await deliver(db, channel, { text: 'x' }, null, { backoffMs: [1, 1], allow: none, timeoutMs: 2000 });
      expect(result, url).toMatchObject({ ok: false, attempts: 1, http_status: null, error: expect.stringMatching(/destination refused: .* address/) });
    }
    expect(hits).toEqual([]);
  });

  it('reaches a loopback receiver the operator allow-listed', async () => {
    hits = [];
    const channel = await createChannel(db, { name: 'allowed', url: `http://localhost:${port}/ok` }, new Date());
    const result = await deliver(db, channel, { text: 'x' }, null, { backoffMs: [], allow: parseAllowList('127.0.0.0/8, ::1/128') });
    expect(result).toMatchObject({ ok: true, http_status: 200 });
    expect(hits).toEqual(['/ok']);
  });

  it('does not follow a redirect and says so', async () => {
    redirectHits = 0;
    const channel = await createChannel(db, { name: 'redirect', url: `http://127.0.0.1:${port}/redirect` }, new Date());
    const result = await deliver(db, channel, { text: 'x' }, null, { backoffMs: [1, 1], allow: loopback });
    expect(result).toMatchObject({ ok: false, attempts: 1, http_status: 302, error: expect.stringMatching(/HTTP 302 Found \(redirects are not followed/) });
    expect(redirectHits).toBe(0);
  });

  it('keeps only the status of a failed answer, never its body', async () => {
    const channel = await createChannel(db, { name: 'fail', url: `http://127.0.0.1:${port}/fail` }, new Date());
    const result = await deliver(db, channel, { text: 'x' }, null, { backoffMs: [], allow: loopback });
    expect(result.error).toBe('HTTP 500 Internal Server Error');
    const logged = await db.all('SELECT error FROM deliveries');
    expect(JSON.stringify(logged)).not.toMatch(/SECRET-BODY|aws_secret/);
  });

  it('answers a channel test through the API with the refusal and nothing from inside', async () => {
    delete process.env.CALABI_WEBHOOK_ALLOW;
    const app = createApp({ db });
    const post = (path: string, json?: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json === undefined ? undefined : JSON.stringify(json) });
    hits = [];
    for (const url of [`http://127.0.0.1:${port}/`, 'http://169.254.169.254/latest/meta-data/']) {
      const created = (await (await post('/api/channels', { name: 'api-probe', url })).json()) as { id: string };
      const res = await post(`/api/channels/${created.id}/test`);
      const text = await res.text();
      expect(text).toMatch(/destination refused/);
      expect(text).not.toMatch(/INSIDE-SECRET/);
    }
    expect(hits).toEqual([]);
  });
});

describe('the operator allow-list', () => {
  it('calabi serve refuses to start with an allow-list that is not CIDRs, saying what to write', async () => {
    const r = await runCli(['serve', '--db', ':memory:', '--port', '0', '--webhook-allow', '10.0.0.0/8,intranet'], {}, 60_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'intranet' in the webhook allow-list is not an address or CIDR range/);
  });
});
