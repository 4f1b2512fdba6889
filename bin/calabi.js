#!/usr/bin/env node
// Runs the compiled CLI from dist/ (built by `npm run build`, which `npm ci` runs through "prepare"), so a
// command starts without compiling TypeScript. In a clone whose sources are newer than the build (someone
// edited a .ts file), it runs the sources through tsx instead: slower to start, never stale.
// The SDK warns on every run that releases after January 2027 need Node 22; the lock file pins ours.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built');

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
function compiledFolders() {
  try {
    const { sources } = JSON.parse(readFileSync(stamp, 'utf8'));
    return Array.isArray(sources) ? sources : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null; // an older stamp (a bare date): not trusted, the sources run
    throw error;
  }
}

function builtIsCurrent() {
  if (process.env.CALABI_FROM_SOURCE === '1' || !existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  const sources = compiledFolders();
  return sources !== null && sources.every((s) => !existsSync(join(root, s)) || newestSource(join(root, s)) <= built);
}

let main;
if (builtIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
