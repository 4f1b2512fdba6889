#!/usr/bin/env node
// The CLI is TypeScript run through tsx's loader, so a clone works after `npm ci` with no build step.
// The SDK warns on every run that releases after January 2027 need Node 22; the lock file pins ours.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
