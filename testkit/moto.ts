import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

export interface Moto {
  endpoint: string;
  port: number;
  /** Wipes every account and region. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export const testCredentials = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real moto_server on a free loopback port. Every test file gets its own server, so files run in
 * parallel without sharing state.
 */
export async function startMoto(env: Record<string, string> = {}): Promise<Moto> {
  const port = await freePort();
  // moto's log (a traceback per call it does not implement) goes to a file, not a pipe: a test that waits for a
  // child synchronously (spawnSync) cannot drain a pipe, and a full pipe would block moto mid-answer.
  const logDir = mkdtempSync(join(tmpdir(), 'calabi-moto-'));
  const logFd = openSync(join(logDir, 'stderr.log'), 'w');
  const proc: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', logFd],
  });
  closeSync(logFd);
  const removeLog = () => rmSync(logDir, { recursive: true, force: true });
  const stderrTail = () => {
    try {
      return readFileSync(join(logDir, 'stderr.log'), 'utf8').slice(-4000);
    } catch {
      return '';
    }
  };
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (proc.exitCode !== null) {
      const tail = stderrTail();
      removeLog();
      throw new Error(`moto_server exited early (${proc.exitCode}): ${tail}`);
    }
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const tail = stderrTail();
      proc.kill('SIGKILL');
      removeLog();
      throw new Error(`moto_server did not start on ${endpoint}: ${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    port,
    async reset() {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    },
    async stop() {
      if (proc.exitCode !== null) return removeLog();
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
      removeLog();
    },
  };
}

/** SDK client config pointing at moto, for seeding. */
export function motoClientConfig(moto: Moto, region = 'us-east-1', credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = testCredentials) {
  return { region, endpoint: moto.endpoint, credentials, forcePathStyle: true };
}
