import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { announcementPath, readAnnouncement, removeAnnouncement, writeAnnouncement, type Announcement } from '../../api/beside/announce.js';
import { isLoopbackAddress } from '../../api/beside/routes.js';
import { tempDir } from '../support/db.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function folder(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

/** A pid that is certainly gone: a child that already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const sample = (over: Partial<Announcement> = {}): Announcement => ({
  pid: process.ppid, url: 'http://127.0.0.1:8080/', credential: 'c'.repeat(43), db: '/x/calabi.duckdb', started_at: '2026-01-01T00:00:00Z', ...over,
});

describe('the serve announcement file', () => {
  it('is written next to the database, readable by its owner only, and read back while its process lives', () => {
    const db = join(folder(), 'calabi.duckdb');
    const file = writeAnnouncement(db, sample());
    expect(file).toBe(`${db}.serve.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readAnnouncement(db)).toMatchObject({ pid: process.ppid, url: 'http://127.0.0.1:8080/' });
  });

  it('ignores a file whose process is gone, and replaces it at the next start', () => {
    const db = join(folder(), 'calabi.duckdb');
    writeAnnouncement(db, sample({ pid: deadPid() }));
    expect(readAnnouncement(db)).toBeNull();
    writeAnnouncement(db, sample({ credential: 'd'.repeat(43) }));
    expect(readAnnouncement(db)?.credential).toBe('d'.repeat(43));
  });

  it('ignores a malformed or foreign file instead of failing the command', () => {
    const db = join(folder(), 'calabi.duckdb');
    writeFileSync(announcementPath(db), '{"pid": "nope"', { mode: 0o600 });
    expect(readAnnouncement(db)).toBeNull();
    writeFileSync(announcementPath(db), '{"hello": 1}', { mode: 0o600 });
    expect(readAnnouncement(db)).toBeNull();
  });

  it('is removed only by the server that wrote it, never over a newer server’s file', () => {
    const db = join(folder(), 'calabi.duckdb');
    writeAnnouncement(db, sample({ credential: 'new'.padEnd(43, 'x') }));
    removeAnnouncement(db, 'old'.padEnd(43, 'x'));
    expect(existsSync(announcementPath(db))).toBe(true);
    removeAnnouncement(db, 'new'.padEnd(43, 'x'));
    expect(existsSync(announcementPath(db))).toBe(false);
  });
});

describe('the local routes’ client check', () => {
  it('accepts loopback clients only, also as IPv4-mapped IPv6', () => {
    for (const a of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.5', '::ffff:10.0.0.5', '192.168.1.1', 'fe80::1', '', undefined]) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });
});
