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
  /**
   * Done with the server: it is wiped and kept for the next startMoto of this process with the same settings (a
   * test file's server serves the next file of the same vitest worker), or ended when one is already kept.
   */
  stop(): Promise<void>;
  /** Ends the server now, whatever the pool: for a test that needs AWS to be gone. */
  kill(): Promise<void>;
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
 * moto_server under a shell that ends it when this process's end of its stdin closes: when the process exits or
 * is killed (a vitest worker at the end of the run), no server is left behind, kept or not. The shell exits with
 * moto's status, so a server that fails to start is seen at once. (A background job's stdin is /dev/null in a
 * non-interactive shell, hence the copy on fd 3.)
 */
const launcher = 'exec 3<&0; moto_server "$@" </dev/null & pid=$!; (cat <&3 >/dev/null; kill $pid 2>/dev/null; sleep 3; kill -9 $pid 2>/dev/null) & watcher=$!; wait $pid; code=$?; kill $watcher 2>/dev/null; exit $code';

interface Server {
  endpoint: string;
  port: number;
  proc: ChildProcess;
  logDir: string;
}

/**
 * Servers kept for reuse, one per settings, in this process. Starting moto_server costs ~0.6 s, and its first
 * answers for each AWS service several more (moto loads a service's backend on first use: ~10 s before a first
 * sync of every service answers, ~5 s after); a wiped server answers like a new one. Servers started with
 * INITIAL_NO_AUTH_ACTION_COUNT count calls across a wipe, so they are never kept. CALABI_TEST_MOTO_POOL=0 turns
 * reuse off.
 */
const kept = new Map<string, Server>();

const alive = (s: Server) => s.proc.exitCode === null && s.proc.signalCode === null;

/**
 * A real moto_server on a free loopback port, wiped: the one this process kept with the same settings, or a new
 * one. Each vitest worker runs its files one after another, so a file never shares its server with another
 * running at the same time.
 */
export async function startMoto(env: Record<string, string> = {}): Promise<Moto> {
  const key = JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
  const reusable = !('INITIAL_NO_AUTH_ACTION_COUNT' in env) && process.env.CALABI_TEST_MOTO_POOL !== '0';
  let server = reusable ? kept.get(key) : undefined;
  kept.delete(key);
  if (server && alive(server)) {
    const res = await fetch(`${server.endpoint}/moto-api/reset`, { method: 'POST' }).catch(() => null);
    if (!res?.ok) {
      await end(server);
      server = undefined;
    }
  } else server = undefined;
  server ??= await launch(env);
  const s = server;
  let done = false;
  return {
    endpoint: s.endpoint,
    port: s.port,
    async reset() {
      await fetch(`${s.endpoint}/moto-api/reset`, { method: 'POST' });
    },
    async stop() {
      if (done) return;
      done = true;
      if (reusable && alive(s) && !kept.has(key)) kept.set(key, s);
      else await end(s);
    },
    async kill() {
      done = true;
      if (kept.get(key) === s) kept.delete(key);
      await end(s);
    },
  };
}

async function launch(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  // moto's log (a traceback per call it does not implement) goes to a file, not a pipe: a test that waits for a
  // child synchronously (spawnSync) cannot drain a pipe, and a full pipe would block moto mid-answer.
  const logDir = mkdtempSync(join(tmpdir(), 'calabi-moto-'));
  const logFd = openSync(join(logDir, 'stderr.log'), 'w');
  const proc: ChildProcess = spawn('sh', ['-c', launcher, 'sh', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'ignore', logFd],
  });
  closeSync(logFd);
  // Neither the server nor its stdin keeps this process running: its end closes the pipe, which ends the server.
  proc.unref();
  (proc.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  const server: Server = { endpoint: `http://127.0.0.1:${port}`, port, proc, logDir };
  const stderrTail = () => {
    try {
      return readFileSync(join(logDir, 'stderr.log'), 'utf8').slice(-4000);
    } catch {
      return '';
    }
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (!alive(server)) {
      const tail = stderrTail();
      rmSync(logDir, { recursive: true, force: true });
      throw new Error(`moto_server exited early (${proc.exitCode ?? proc.signalCode}): ${tail}`);
    }
    try {
      const res = await fetch(`${server.endpoint}/moto-api/`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const tail = stderrTail();
      await end(server);
      throw new Error(`moto_server did not start on ${server.endpoint}: ${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Closes the server's stdin: the shell stops moto with SIGTERM, and SIGKILL 3 s later if it is still there. */
async function end(s: Server): Promise<void> {
  const exited = alive(s) ? new Promise((r) => s.proc.once('exit', r)) : null;
  s.proc.stdin?.end();
  if (exited) await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  rmSync(s.logDir, { recursive: true, force: true });
}

/** SDK client config pointing at moto, for seeding. */
export function motoClientConfig(moto: Moto, region = 'us-east-1', credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = testCredentials) {
  return { region, endpoint: moto.endpoint, credentials, forcePathStyle: true };
}
