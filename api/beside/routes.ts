import { createHash, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import type { Database } from '../../schema/db.js';
import type { Scheduler } from '../../scheduler/scheduler.js';
import { copyForReading } from './copy.js';

export interface BesideContext {
  db: Database;
  scheduler?: Scheduler;
}

/** One piece of work a CLI command asks the server to do on its database; `emit` streams progress back. */
export type BesideOp = (ctx: BesideContext, args: unknown, emit: (event: unknown) => void) => Promise<unknown>;

/** How an error travels to the CLI: its message, and whether it is one the CLI prints without a stack hint. */
export interface WireError {
  name: string;
  message: string;
  expected: boolean;
}

export interface BesideOptions {
  /** The local credential of the announcement file (api/beside/announce.ts). */
  credential: string;
  ops: Readonly<Record<string, BesideOp>>;
  describeError: (error: unknown) => WireError;
}

export const credentialHeader = 'X-Calabi-Local';
/** Sent while an operation runs, so the client's HTTP timeouts never fire on a long evaluation. */
const heartbeatMs = 10_000;

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The routes a CLI command beside `calabi serve` uses, under /internal (not the public API, not documented in
 * /api/openapi.json): a fresh read-only copy for reading commands, and named operations for writing ones. Only
 * loopback clients holding the local credential get in; the user's API token is neither needed nor accepted here.
 */
export function besideRoutes(options: BesideOptions, deps: BesideContext & { invalidate: () => void }): Hono {
  const expected = digest(options.credential);
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (!isLoopbackAddress(getConnInfo(c).remote.address)) return refuse(c, 403, 'the local routes answer loopback clients only');
    const given = c.req.header(credentialHeader);
    // Compared as digests in constant time; the value is never logged or echoed.
    if (!given || !timingSafeEqual(digest(given), expected)) return refuse(c, 401, 'wrong or missing local credential');
    return next();
  });
  app.get('/ping', (c) => c.json({ pid: process.pid, db: deps.db.path }));
  app.post('/copy', async (c) => c.json({ path: await copyForReading(deps.db) }));
  app.post('/op/:name', async (c) => {
    const name = c.req.param('name');
    const op = Object.hasOwn(options.ops, name) ? options.ops[name] : undefined;
    if (!op) return refuse(c, 404, `no operation ${name}`);
    const body = (await c.req.json().catch(() => null)) as { args?: unknown } | null;
    if (!body || typeof body !== 'object') return refuse(c, 400, 'send {"args": …} as JSON');
    c.header('Content-Type', 'application/x-ndjson');
    return stream(c, async (s) => {
      let chain: Promise<unknown> = Promise.resolve();
      // A client that went away (Ctrl+C) does not stop the work: the server finishes it, as it would a "Run now".
      const send = (line: unknown) => (chain = chain.then(() => s.write(`${JSON.stringify(line)}\n`)).catch(() => undefined));
      const beat = setInterval(() => send({ tick: true }), heartbeatMs);
      try {
        const result = await op(deps, body.args, (event) => send({ event }));
        send({ result: result ?? null });
      } catch (error) {
        send({ error: options.describeError(error) });
      } finally {
        clearInterval(beat);
        deps.invalidate();
        await chain;
      }
    });
  });
  return app;
}

function refuse(c: Context, status: 400 | 401 | 403 | 404, message: string) {
  return c.json({ status, code: 'local_refused', message }, status);
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127(?:\.\d{1,3}){3}$/.test(a);
}
