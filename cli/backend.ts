import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { readAnnouncement, type Announcement } from '../api/beside/announce.js';
import type { Database } from '../schema/db.js';
import type { OpArgs, OpName, OpResult } from './beside/ops.js';
import { dbPathOf, openDb, type CliOpenOptions } from './context.js';
import { UsageError } from './errors.js';

/**
 * Where a command's database work happens, chosen once per command: on the file itself (no server), or through
 * the `calabi serve` that holds it (docs/cli-beside-serve.md). Reading commands get a Database either way (the
 * file, or a fresh read-only copy the server wrote); writing commands name an operation (cli/beside/ops.ts) that
 * runs here on the file or inside the server. Commands format the results themselves, so their output is the same.
 */
export interface Backend {
  readonly kind: 'file' | 'server';
  /** The database to read: the file, or a fresh read-only copy of the served one (removed when the CLI exits). */
  openForReading(options?: CliOpenOptions): Promise<Database>;
  /** A file another process may open read-only (the query console's workers): the database, or a fresh copy. */
  readablePath(): Promise<string>;
  /** Runs a writing operation; `onEvent` receives its progress (sync progress, log lines) as it happens. */
  call<K extends OpName>(name: K, args: OpArgs<K>, onEvent?: (event: unknown) => void): Promise<OpResult<K>>;
}

const credentialHeader = 'X-Calabi-Local';

export async function backendOf(cmd: Command): Promise<Backend> {
  const path = dbPathOf(cmd);
  // A lake catalogued in PostgreSQL is never announced (api/beside/announce.ts): every process opens it itself.
  const server = await liveServer(path);
  return server ? serverBackend(server, path) : fileBackend(cmd);
}

function fileBackend(cmd: Command): Backend {
  return {
    kind: 'file',
    openForReading: (options = { readsOnly: true }) => openDb(cmd, options),
    readablePath: async () => dbPathOf(cmd),
    async call(name, args, onEvent) {
      const { ops } = await import('./beside/ops.js');
      const db = await openDb(cmd);
      try {
        const op = ops[name] as (ctx: { db: Database }, a: unknown, emit: (e: unknown) => void) => Promise<OpResult<typeof name>>;
        return await op({ db }, args, onEvent ?? (() => undefined));
      } finally {
        db.close();
      }
    },
  };
}

/**
 * The announced server, if it answers with the credential; a stale announcement (dead process, nobody listening,
 * another credential) is ignored and the command opens the file as it would without a server.
 */
export async function liveServer(dbPath: string): Promise<Announcement | null> {
  const a = readAnnouncement(dbPath);
  if (!a) return null;
  try {
    // A hung process that still holds the pid must not hang the command: after 30 s it counts as unreachable.
    const res = await fetch(new URL('internal/ping', a.url), { headers: { [credentialHeader]: a.credential }, signal: AbortSignal.timeout(30_000) });
    await res.body?.cancel();
    return res.ok ? a : null;
  } catch {
    return null; // unreachable: a stale announcement (the server was killed and its pid reused); open the file
  }
}

function serverBackend(a: Announcement, dbPath: string): Backend {
  const post = async (path: string, body: unknown) => {
    let res: Response;
    try {
      res = await fetch(new URL(path, a.url), { method: 'POST', headers: { [credentialHeader]: a.credential, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    } catch (error) {
      throw new Error(`calabi serve (pid ${a.pid}, ${a.url}) holds the database but did not answer: ${(error as Error).message}`, { cause: error });
    }
    if (!res.ok) throw new Error(`calabi serve (pid ${a.pid}) refused ${path}: HTTP ${res.status} ${await res.text()}`);
    return res;
  };
  const copy = async () => {
    const { path } = (await (await post('internal/copy', {})).json()) as { path: string };
    process.once('exit', () => rmSync(dirname(path), { recursive: true, force: true }));
    // Stored secrets (webhook URLs) are sealed with the key file next to the database (schema/secret-box.ts): the
    // copy reads them with the same key, never with a new one made up beside it.
    const key = `${resolve(dbPath)}.key`;
    if (existsSync(key)) copyFileSync(key, `${path}.key`);
    return path;
  };
  return {
    kind: 'server',
    async openForReading() {
      const { Database } = await import('../schema/db.js');
      return Database.open(await copy(), { readOnly: true });
    },
    readablePath: copy,
    async call(name, args, onEvent) {
      const res = await post(`internal/op/${name}`, { args });
      for await (const line of lines(res)) {
        const m = JSON.parse(line) as { event?: unknown; result?: unknown; error?: { message: string; expected: boolean } };
        if ('event' in m) onEvent?.(m.event);
        else if ('result' in m) return m.result as OpResult<typeof name>;
        else if (m.error) throw m.error.expected ? new UsageError(m.error.message) : new Error(m.error.message);
      }
      throw new Error(`calabi serve (pid ${a.pid}) stopped before ${name} finished; see its log`);
    },
  };
}

async function* lines(res: Response): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      if (line.trim()) yield line;
    }
  }
  if (buffer.trim()) yield buffer;
}

/** Shorthand for reading commands: the database to read through this command's backend. */
export async function openForReading(cmd: Command, options?: CliOpenOptions): Promise<Database> {
  return (await backendOf(cmd)).openForReading(options);
}
