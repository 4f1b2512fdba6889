import { closeSync, existsSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * What a running `calabi serve` tells other Calabi processes on the same machine: where it listens and the
 * local-only credential its /internal routes accept. The file sits next to the database
 * (`<db>.serve.json`), readable by its owner only (0600): whoever can read it can read the database file anyway.
 */
export interface Announcement {
  pid: number;
  /** Base URL on loopback, e.g. http://127.0.0.1:8080/ */
  url: string;
  /** Random, fresh per start; sent as X-Calabi-Local. Never the user's API token, never logged. */
  credential: string;
  /** The database file the server holds, absolute. */
  db: string;
  started_at: string;
}

/**
 * The file a server holds and announces itself beside: the database file, or a lake's DuckDB catalog file (locked
 * by the server as a database file is). A lake catalogued in PostgreSQL has none: every process, serve's
 * neighbours included, opens and writes it itself (docs/ducklake.md), so there is nothing to go through the server
 * for. Parsed here rather than with schema/store.ts, which loads DuckDB: this module loads for every command.
 */
function heldFile(dbPath: string): string | undefined {
  if (!dbPath.startsWith('ducklake:')) return dbPath;
  const catalog = dbPath.slice('ducklake:'.length).trim();
  return /^postgres(ql)?:/.test(catalog) ? undefined : catalog;
}

/** The database path as both sides name it: absolute, symlinks resolved when the file exists (a lake: its catalog's). */
export function canonicalDbPath(dbPath: string): string {
  const file = heldFile(dbPath);
  if (file === undefined) return dbPath;
  const abs = resolve(file);
  const canonical = existsSync(abs) ? realpathSync(abs) : abs;
  return file === dbPath ? canonical : `ducklake:${canonical}`;
}

/** Whether a server on this store announces itself: not on a PostgreSQL-catalogued lake (heldFile). */
export function announces(dbPath: string): boolean {
  return heldFile(dbPath) !== undefined;
}

export function announcementPath(dbPath: string): string {
  const file = heldFile(dbPath);
  if (file === undefined) throw new Error('[serve] a lake catalogued in PostgreSQL has no announcement: every process opens it itself');
  const abs = resolve(file);
  return `${existsSync(abs) ? realpathSync(abs) : abs}.serve.json`;
}

/**
 * Writes the announcement atomically: a private temporary file created with mode 0600 (never readable by others,
 * not even for a moment), then renamed over any previous one (a stale file a killed server left).
 */
export function writeAnnouncement(dbPath: string, a: Announcement): string {
  const target = announcementPath(dbPath);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  rmSync(temp, { force: true });
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(a, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new Error(`[serve] cannot write ${target}: ${(error as Error).message}`, { cause: error });
  }
  return target;
}

/** Removes the announcement if it is still this server's (a newer server may have replaced it). */
export function removeAnnouncement(dbPath: string, credential: string): void {
  if (!announces(dbPath)) return;
  const path = announcementPath(dbPath);
  if (readAnnouncementFile(path)?.credential === credential) rmSync(path, { force: true });
}

/**
 * The announcement of a live server for this database, or null: no file, an unreadable or malformed one, or one
 * whose process is gone (a killed server) — those are ignored, and the next server replaces them.
 */
export function readAnnouncement(dbPath: string): Announcement | null {
  const a = announces(dbPath) ? readAnnouncementFile(announcementPath(dbPath)) : null;
  if (!a || a.pid === process.pid) return null;
  return processAlive(a.pid) ? a : null;
}

function readAnnouncementFile(path: string): Announcement | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`[serve] cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const a = JSON.parse(text) as Partial<Announcement>;
    if (typeof a.pid !== 'number' || typeof a.url !== 'string' || typeof a.credential !== 'string') return null;
    return a as Announcement;
  } catch {
    return null; // a half-written or foreign file: not an announcement (the server writes it atomically)
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone (a killed server's file). EPERM: another user's process reusing the pid; not our server either.
    return false;
  }
}
