import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../lib/package-root.js';
import { distIsCurrent } from '../../bin/dist-current.js';

/**
 * Vitest's global setup: builds dist/ (scripts/build.mjs, as `npm ci` does) before the tests when it is missing or
 * older than a compiled source, so the hundreds of `node bin/calabi.js` processes the CLI and end-to-end tests start
 * run the compiled CLI from the current sources. Otherwise bin/calabi.js runs every one of them through tsx, which
 * compiles the sources again in each process: ~4 s per start instead of ~1.4 s on a 2-core machine (the
 * beside-serve file alone starts 80). Same sources, same behaviour: bin/calabi.js would run these very sources.
 * A build that fails (a type error mid-edit) leaves dist/ without its stamp: the CLI then runs the sources, as before.
 */
export default function setup(): void {
  if (process.env.CALABI_FROM_SOURCE === '1' || distIsCurrent(packageRoot)) return;
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(packageRoot, 'scripts', 'build.mjs')], { cwd: packageRoot, encoding: 'utf8' });
  if (r.status === 0) process.stderr.write(`built dist/ for the CLI tests in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  else process.stderr.write(`could not build dist/ (the CLI tests run the sources through tsx):\n${r.stdout}${r.stderr}\n`);
}
