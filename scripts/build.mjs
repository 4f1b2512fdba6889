// `npm run build`: compiles the TypeScript sources into dist/ and stamps the build, so bin/calabi.js knows
// whether dist/ is at least as new as every source file (see there).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
mkdirSync(join(root, 'dist'), { recursive: true });
// The stamp carries the time the build started (its mtime: a source saved during the build is newer, so it is
// never missed) and the folders compiled, read from tsconfig.build.json: bin/calabi.js checks exactly those.
const stamp = join(root, 'dist', '.built');
const { include } = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
writeFileSync(stamp, `${JSON.stringify({ built: new Date(started).toISOString(), sources: include })}\n`);
utimesSync(stamp, new Date(started), new Date(started));
