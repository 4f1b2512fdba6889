// `npm run build`: compiles the TypeScript sources into dist/ and stamps the build, so bin/calabi.js knows
// whether dist/ is at least as new as every source file (see there).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
mkdirSync(join(root, 'dist'), { recursive: true });
// The stamp carries the time the build started: a source saved during the build is newer, so it is never missed.
const stamp = join(root, 'dist', '.built');
writeFileSync(stamp, new Date(started).toISOString() + '\n');
utimesSync(stamp, new Date(started), new Date(started));
