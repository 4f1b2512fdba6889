/**
 * What the benchmark build scripts (build-cis-benchmarks.ts, build-fsbp-benchmark.ts) share: where the mapping data
 * lives, reading it, checking that every check it names exists, and writing the generated benchmark file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from '../controls/types.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = join(root, 'scripts/data');

/** A scripts/data JSON file, parsed; the message names the file when it is not valid JSON. */
export function readData<T>(file: string): T {
  const path = join(dataDir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (cause) {
    throw new Error(`scripts/data/${file}: ${(cause as Error).message}`, { cause });
  }
}

/** Ids of the built-in checks (file names under controls/checks/<service>/). */
export function builtinCheckIds(): Set<string> {
  const dir = join(root, 'controls/checks');
  const ids = new Set<string>();
  for (const service of readdirSync(dir)) {
    for (const f of readdirSync(join(dir, service))) if (f.endsWith('.sql')) ids.add(basename(f, '.sql'));
  }
  return ids;
}

/** Throws when a mapping names a check that does not exist (a typo would otherwise ERROR at every scan). */
export function assertChecksExist(where: string, checks: readonly string[], known = builtinCheckIds()): void {
  const missing = checks.filter((c) => !known.has(c));
  if (missing.length) throw new Error(`${where}: no check ${missing.join(', ')} under controls/checks/ (a typo, or a check not written yet?)`);
}

/** Writes controls/benchmarks/<id>.json and says what it holds. */
export function writeBenchmark(benchmark: Benchmark): void {
  const out = join(root, 'controls/benchmarks', `${benchmark.id}.json`);
  if (!existsSync(dirname(out))) throw new Error(`${dirname(out)} does not exist: run from a Calabi checkout`);
  writeFileSync(out, `${JSON.stringify(benchmark, null, 2)}\n`);
  const evaluated = benchmark.requirements.filter((r) => r.checks.length).length;
  console.log(`${out}: ${benchmark.requirements.length} requirements, ${evaluated} evaluated`);
}
