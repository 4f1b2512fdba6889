import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { channelHealth, createChannel } from '../../scheduler/channels.js';
import { deliver } from '../../scheduler/webhook.js';
import { parseAllowList } from '../../scheduler/destination.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';

// Review: a receiver on loopback that accepts the connection and never answers must not hang an alert (and with
// it a scheduled run): each attempt times out, is logged, retried, and the channel shows as failing.
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe('webhook delivery to a receiver that never answers', () => {
  it('times out each attempt, retries, logs every attempt and marks the channel failing', async () => {
    const db: Database = await memoryDb();
    open.push(db);
    const pending: ServerResponse[] = [];
    let requests = 0;
    const server: Server = createServer((req, res) => {
      requests++;
      req.resume();
      pending.push(res); // never answered
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    open.push({ close: () => new Promise<void>((r) => { for (const res of pending) res.destroy(); server.closeAllConnections(); server.close(() => r()); }) });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const channel = await createChannel(db, { name: 'silent', url }, new Date());
    const started = Date.now();
    const result = await deliver(db, channel, { text: 'x' }, null, { backoffMs: [10], timeoutMs: 300, allow: parseAllowList('127.0.0.1/32') });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toMatchObject({ ok: false, attempts: 2, http_status: null, error: expect.stringMatching(/timed out/) });
    expect(requests).toBe(2);
    const rows = await db.all<{ attempt: number; status: string; final: boolean }>('SELECT attempt, status, final FROM deliveries ORDER BY attempt');
    expect(rows).toEqual([{ attempt: 1, status: 'failed', final: false }, { attempt: 2, status: 'failed', final: true }]);
    expect((await channelHealth(db, channel.id))).toMatchObject({ state: 'failing' });
  });
});
