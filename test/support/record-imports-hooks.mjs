// The load hook of record-imports.mjs (module hooks must live in their own file).
import { appendFileSync } from 'node:fs';

const log = process.env.CALABI_IMPORT_LOG;

export async function load(url, context, next) {
  if (log) appendFileSync(log, `${url}\n`);
  return next(url, context);
}
