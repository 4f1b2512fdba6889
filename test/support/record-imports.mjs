// Preloaded with `node --import` by test/support/loaded-modules.ts: records every module the process loads into
// the file named by CALABI_IMPORT_LOG, one URL or path a line. ES modules are seen by a load hook (it runs on the
// loader thread, so it appends as it goes); CommonJS modules required from CommonJS never pass that hook in
// Node 20, so the require cache is added at exit.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const log = process.env.CALABI_IMPORT_LOG;
if (!log) throw new Error('record-imports.mjs: set CALABI_IMPORT_LOG to the file that receives the module list');
register('./record-imports-hooks.mjs', import.meta.url);
process.on('exit', () => {
  const cached = Object.keys(createRequire(import.meta.url).cache);
  if (cached.length) appendFileSync(log, `${cached.join('\n')}\n`);
});
