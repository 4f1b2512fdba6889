import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './moto.js';

/**
 * A real PostgreSQL for a DuckLake catalog: initdb in a temporary directory, the server on a free loopback port,
 * trust authentication for the local superuser `calabi`, stopped and removed by stop(). Debian's package puts the
 * programs in /usr/lib/postgresql/<version>/bin (not on PATH); PG_BIN overrides. PostgreSQL refuses to run as
 * root, so as root the directory is given to the `postgres` user and the programs run as that user.
 */
export interface Postgres {
  port: number;
  /** The libpq string of a database on this server (created by createDatabase, or 'postgres'). */
  libpq(database?: string): string;
  createDatabase(name: string): void;
  stop(): Promise<void>;
}

/** The directory holding initdb and postgres, or undefined when PostgreSQL is not installed. */
export function postgresBin(): string | undefined {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN to its bin directory)');
  const dir = mkdtempSync(join(tmpdir(), 'calabi-pg-'));
  const user = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (user) chownSync(dir, user.uid, user.gid);
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const data = join(dir, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'calabi', '--auth=trust', '--no-sync', '-E', 'UTF8'], { ...as, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  // fsync off: a test server's data is thrown away; unix socket in the temporary directory, TCP on loopback only.
  const proc: ChildProcess = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'], {
    ...as,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  proc.stderr!.on('data', (d) => (log = (log + String(d)).slice(-4000)));
  const psql = (sql: string, database = 'postgres') =>
    spawnSync(existsSync(join(bin, 'psql')) ? join(bin, 'psql') : 'psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'calabi', '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { encoding: 'utf8' });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`postgres exited at start: ${log}`);
    if (psql('SELECT 1').status === 0) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`postgres did not accept connections within 60 s: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    libpq: (database = 'postgres') => `dbname=${database} host=127.0.0.1 port=${port} user=calabi`,
    createDatabase(name) {
      const r = psql(`CREATE DATABASE "${name}"`);
      if (r.status !== 0) throw new Error(`CREATE DATABASE ${name} failed: ${r.stderr}`);
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGINT'); // fast shutdown: disconnect clients, then exit
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root, PostgreSQL needs a non-root user to run as, and there is no `postgres` user (Debian\'s package creates it)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
