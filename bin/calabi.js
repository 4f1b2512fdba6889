#!/usr/bin/env node
// Runs the compiled CLI from dist/ (built by `npm run build`, which `npm ci` runs through "prepare"), so a
// command starts without compiling TypeScript. In a clone whose sources are newer than the build (someone
// edited a .ts file), it runs the sources through tsx instead: slower to start, never stale.
// The SDK warns on every run that releases after January 2027 need Node 22; the lock file pins ours.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsCurrent } from './dist-current.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtIsCurrent = () => process.env.CALABI_FROM_SOURCE !== '1' && distIsCurrent(root);

let main;
if (builtIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
