import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../lib/package-root.js';

// Tests and scripts read facts copied into the repository (with their provenance), never a path of one machine:
// such a reader silently skips, or fails, on any other checkout. Built from parts so this file does not match.
const outside = [['/wo', 'rk/'], ['../sha', 'red'], ['shared/', 'reference']].map((p) => p.join(''));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(path);
    return /\.(ts|mjs|cjs|js|json|sh)$/.test(e.name) ? [path] : [];
  });
}

describe('paths the tests and scripts read', () => {
  it('name nothing outside the repository', () => {
    const files = ['test', 'scripts', 'bench', 'testkit'].flatMap((d) => sources(fromRoot(d)));
    expect(files.length).toBeGreaterThan(100);
    const offending = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return outside.filter((p) => text.includes(p)).map((p) => `${relative(fromRoot(), f)}: ${p}`);
    });
    expect(offending).toEqual([]);
  });
});
