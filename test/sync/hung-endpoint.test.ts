import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { runSync } from '../../sync/runner.js';
import { runCli } from '../support/cli.js';
import { memoryDb, tempDir } from '../support/db.js';
import { startMoto, testCredentials, type Moto } from '../support/moto.js';

// Issue 17: a sync whose endpoint accepts the connection and never answers ran forever, holding the database
// lock, and the hung scope stayed `ok` on old rows. The hung endpoint here is a real TCP listener on loopback that
// accepts every connection and never writes a byte; SNS is sent there through AWS_ENDPOINT_URL_SNS, the rest to moto.
let moto: Moto;
let hung: Server;
let hungUrl: string;
const sockets = new Set<Socket>();
let accepted = 0;
beforeAll(async () => {
  moto = await startMoto();
  hung = createServer((socket) => {
    sockets.add(socket);
    accepted++;
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // the client gives up and resets: expected
  });
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  hungUrl = `http://127.0.0.1:${(hung.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => hung?.close(r));
  await moto?.stop();
});

const saved = { ...process.env };
beforeEach(() => {
  process.env.AWS_ENDPOINT_URL = moto.endpoint;
  delete process.env.AWS_ENDPOINT_URL_SNS;
});
afterEach(() => {
  process.env = { ...saved };
});

const scopes = (db: Database) =>
  db.all<{ table_name: string; status: string; stale: boolean; error: string | null }>(
    "SELECT table_name, status, stale, error FROM sync_scopes WHERE table_name IN ('aws_sns_topics', 'aws_kms_keys') ORDER BY table_name",
  );

describe('an AWS endpoint that accepts connections and never answers', () => {
  it('times the calls out, retries them, records the scope in error over its old rows, and syncs the other services', async () => {
    const db = await memoryDb();
    const base = { db, credentials: testCredentials, regions: ['us-east-1'], services: ['sns', 'kms'] };
    const first = await runSync(base);
    expect(first.status).toBe('ok');
    expect((await scopes(db)).map((s) => s.status)).toEqual(['ok', 'ok']);

    process.env.AWS_ENDPOINT_URL_SNS = hungUrl;
    accepted = 0;
    const t0 = Date.now();
    const second = await runSync({ ...base, timeouts: { connectMs: 300, requestMs: 300 }, maxAttempts: 2 });
    // Without call limits this never ends; any bound well under the default limits proves them applied.
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(second.status).toBe('partial');
    const snsErrors = second.errors.filter((e) => e.service === 'sns');
    expect(snsErrors.length).toBeGreaterThan(0);
    expect(snsErrors[0]!.code).toBe('TimeoutError');
    expect(second.errors.filter((e) => e.service !== 'sns')).toEqual([]);
    // Both attempts reached the hung listener: the SDK retried the timed-out call before giving up.
    expect(accepted).toBeGreaterThanOrEqual(2);
    const [kms, sns] = await scopes(db);
    expect(kms).toMatchObject({ table_name: 'aws_kms_keys', status: 'ok', stale: false });
    expect(sns).toMatchObject({ table_name: 'aws_sns_topics', status: 'error', stale: true });
    expect(sns!.error).toMatch(/TimeoutError/);
    db.close();
  }, 60_000);

  it('ends the run at the sync deadline: unfinished scopes in error, the run marked timed_out', async () => {
    const db = await memoryDb();
    process.env.AWS_ENDPOINT_URL_SNS = hungUrl;
    const t0 = Date.now();
    // Call limits far beyond the deadline: only the deadline can end this run in time.
    const result = await runSync({ db, credentials: testCredentials, regions: ['us-east-1'], services: ['sns', 'kms'], timeouts: { connectMs: 60_000, requestMs: 60_000 }, deadlineMs: 1_500 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(result.status).toBe('timed_out');
    expect(result.errors.map((e) => [e.service, e.code])).toContainEqual(['sns', 'SyncDeadlineExceeded']);
    const run = await db.one<{ status: string; message: string; finished_at: string | null }>('SELECT status, message, finished_at FROM sync_runs WHERE id = ?', [result.runId]);
    expect(run).toMatchObject({ status: 'timed_out', message: expect.stringMatching(/deadline/) });
    expect(run!.finished_at).not.toBeNull();
    const [kms, sns] = await scopes(db);
    expect(kms!.status).toBe('ok');
    expect(sns).toMatchObject({ status: 'error', stale: true, error: expect.stringMatching(/SyncDeadlineExceeded/) });
    db.close();
  }, 30_000);

  it('calabi sync --deadline ends, exits 1 and releases the database for the next command', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'c.duckdb');
      const env = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: moto.endpoint, AWS_ENDPOINT_URL_SNS: hungUrl };
      const t0 = Date.now();
      const r = await runCli(['--db', path, 'sync', '--regions', 'us-east-1', '--services', 'sns,kms', '--call-timeout', '60', '--deadline', '3s'], env, 60_000);
      // Without the deadline the 60 s call limit and its retries would take minutes; CLI start-up alone can take
      // 20 s on a loaded machine.
      expect(Date.now() - t0).toBeLessThan(90_000);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/SyncDeadlineExceeded/);
      expect(r.stderr).toMatch(/The sync deadline passed before every scope finished/);
      const q = await runCli(['--db', path, 'query', "SELECT status FROM sync_runs", '--format', 'csv']);
      expect(q.code).toBe(0);
      expect(q.stdout).toContain('timed_out');
    } finally {
      cleanup();
    }
  }, 240_000);

  it('refuses a call limit that is not a duration, naming the flag', async () => {
    const r = await runCli(['--db', '/tmp/never-opened.duckdb', 'sync', '--request-timeout', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--request-timeout \(CALABI_REQUEST_TIMEOUT\) must be a duration/);
  });
});
