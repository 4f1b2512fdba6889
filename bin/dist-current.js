// Whether dist/ (scripts/build.mjs) is at least as new as every source it compiled: bin/calabi.js runs it when it
// is, and the test suite's global setup (test/support/build-dist.ts) rebuilds it when it is not.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The stamp names the folders the build compiled (scripts/build.mjs); one written otherwise means: rebuild. */
function compiledFolders(stamp) {
  try {
    const { sources } = JSON.parse(readFileSync(stamp, 'utf8'));
    return Array.isArray(sources) ? sources : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null; // an older stamp (a bare date): not trusted, the sources run
    throw error;
  }
}

/** @param {string} root the package's folder */
export function distIsCurrent(root) {
  const stamp = join(root, 'dist', '.built');
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  const sources = compiledFolders(stamp);
  return sources !== null && sources.every((s) => typeof s === 'string' && (!existsSync(join(root, s)) || newestSource(join(root, s)) <= built));
}
