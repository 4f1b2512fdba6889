import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let root: string | undefined;

/**
 * The one directory (per process) where Calabi's own DuckDB instance may still write files once external access
 * is off: the SQL console's read-only copies are written under it. DuckDB accepts `allowed_directories` only
 * while external access is on, so whoever turns it off first (the console's sandbox, or the engine before it
 * runs custom checks) allows this directory, and the two never lock each other out.
 */
export function scratchRoot(): string {
  if (!root) {
    removeOrphans();
    const dir = mkdtempSync(join(tmpdir(), `calabi-console-${process.pid}-`));
    root = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return root;
}

/** As DuckDB's allowed_directories wants it: with a trailing slash, so only what is inside counts. */
export function scratchAllowance(): string {
  const dir = scratchRoot();
  return dir.endsWith('/') ? dir : `${dir}/`;
}

/** Copies left by a process that was killed (no exit handler ran): their directory names carry its pid. */
function removeOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^calabi-console-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      // ESRCH: no such process, so nobody reads these copies any more; EPERM: someone else's live process.
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}
