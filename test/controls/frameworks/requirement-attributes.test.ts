import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../controls/loader.js';
import { tempDir } from '../../support/db.js';

/** The loader accepts a framework's typed attributes and refuses a half-filled or misspelt one, naming the field. */
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function benchmarkWith(attributes: unknown) {
  mkdirSync(join(dir, 'mine'), { recursive: true });
  const requirement = { id: 'CC6.1', title: 'Logical access', section: 'CC6.0', assessment: 'Automated', checks: ['iam_root_mfa_enabled'], attributes };
  writeFileSync(join(dir, 'mine', 'my-soc2.json'), JSON.stringify({ id: 'my-soc2', title: 'Mine', version: '1', requirements: [requirement] }));
  return loadCatalog({ checksDirs: [dir], env: {} });
}

describe('requirement attributes in a benchmark file', () => {
  it('loads a requirement with its framework attributes', () => {
    const c = benchmarkWith({ framework: 'soc2', category: 'CC', series: 'CC6' });
    expect(c.problems).toEqual([]);
    expect(c.benchmarks.get('my-soc2')!.requirements[0]!.attributes).toEqual({ framework: 'soc2', category: 'CC', series: 'CC6' });
  });

  it('refuses a category the framework does not have', () => {
    const c = benchmarkWith({ framework: 'soc2', category: 'XX', series: 'CC6' });
    expect(c.benchmarks.has('my-soc2')).toBe(false);
    expect(c.problems.map((p) => p.message).join()).toMatch(/not a valid benchmark: requirements\.0\.attributes\.category/);
  });

  it('refuses an attribute of another framework mixed in (a NIST baseline on a SOC 2 criterion)', () => {
    const c = benchmarkWith({ framework: 'soc2', category: 'CC', series: 'CC6', baseline: 'moderate' });
    expect(c.problems.map((p) => p.message).join()).toMatch(/attributes/);
  });
});
