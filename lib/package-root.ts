import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Calabi's package.json. Code runs from the TypeScript sources (tests, tsx) or from the
 * compiled copy under dist/ (the CLI), so files that ship beside the code (web/, controls/checks,
 * controls/benchmarks, demo/sample) are found from here, never relative to the running module.
 */
export const packageRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'calabi') return dir;
    if (dirname(dir) === dir) throw new Error(`[calabi] cannot find Calabi's package.json above ${start}`);
  }
}

/** A path inside the package: `fromRoot('web')`, `fromRoot('controls', 'checks')`. */
export function fromRoot(...parts: string[]): string {
  return join(packageRoot, ...parts);
}

export const packageVersion: string = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
