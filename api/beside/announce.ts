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

/** The database path as both sides name it: absolute, symlinks resolved when the file exists. */
export function canonicalDbPath(dbPath: string): string {
  const abs = resolve(dbPath);
  return existsSync(abs) ? realpathSync(abs) : abs;
}

export function announcementPath(dbPath: string): string {
  return `${canonicalDbPath(dbPath)}.serve.json`;
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
  const current = readAnnouncementFile(announcementPath(dbPath));
  if (current?.credential === credential) rmSync(announcementPath(dbPath), { force: true });
}

/**
 * The announcement of a live server for this database, or null: no file, an unreadable or malformed one, or one
 * whose process is gone (a killed server) — those are ignored, and the next server replaces them.
 */
export function readAnnouncement(dbPath: string): Announcement | null {
  const a = readAnnouncementFile(announcementPath(dbPath));
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
