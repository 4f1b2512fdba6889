import { randomBytes } from 'node:crypto';
import { announcementPath, announces, canonicalDbPath, removeAnnouncement, writeAnnouncement } from '../../api/beside/announce.js';
import type { BesideOptions, WireError } from '../../api/beside/routes.js';
import type { RunningServer } from '../../api/server.js';
import { isExpected } from '../errors.js';
import { ops } from './ops.js';

/**
 * What `calabi serve` needs to let other CLI commands work beside it: a fresh local credential (never the user's
 * API token, never printed or logged), the /internal routes that accept it, and the announcement file that hands
 * it to commands run by the same user (docs/cli-beside-serve.md).
 */
export function localAccess(onUnexpectedError: (error: unknown) => void): BesideOptions {
  return {
    credential: randomBytes(32).toString('base64url'),
    ops: ops as unknown as BesideOptions['ops'],
    describeError: (error): WireError => {
      const expected = isExpected(error);
      // Unexpected failures keep their stack in the server's log; the command prints the message, as it would itself.
      if (!expected) onUnexpectedError(error);
      return { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error), expected };
    },
  };
}

/** The loopback URL a command on this machine reaches the server at. */
function loopbackUrl(server: RunningServer): string {
  const ipv6 = server.host.includes(':');
  const unspecified = server.host === '0.0.0.0' || server.host === '::';
  const host = unspecified ? (ipv6 ? '[::1]' : '127.0.0.1') : ipv6 ? `[${server.host}]` : server.host;
  return `http://${host}:${server.port}/`;
}

/**
 * Writes `<db>.serve.json` (0600, atomically); the returned function removes it again at a clean shutdown. A lake
 * catalogued in PostgreSQL is not announced: other commands open it themselves, beside the server.
 */
export function announce(dbPath: string, server: RunningServer, credential: string): () => void {
  if (!announces(dbPath)) return () => undefined;
  writeAnnouncement(dbPath, { pid: process.pid, url: loopbackUrl(server), credential, db: canonicalDbPath(dbPath), started_at: new Date().toISOString() });
  let done = false;
  const withdraw = () => {
    if (done) return;
    done = true;
    removeAnnouncement(dbPath, credential);
  };
  // A crash or process.exit (the forced stop after a second Ctrl+C) removes it too; a kill -9 leaves a stale
  // file, which commands recognise by its dead pid and the next server replaces.
  process.once('exit', withdraw);
  return withdraw;
}

export { announcementPath };
