import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../lib/package-root.js';

// The layer rules live in one file, read by this test and by `npx depcruise --config .dependency-cruiser.cjs`.
const config = createRequire(import.meta.url)(fromRoot('.dependency-cruiser.cjs')) as { forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden']; options: ICruiseOptions };
const folders = ['lib', 'schema', 'sync', 'demo', 'controls', 'console', 'sources', 'scans', 'reports', 'scheduler', 'api', 'cli', 'bin', 'bench', 'scripts', 'testkit', 'test'];

async function violations(baseDir: string, roots: string[]): Promise<IViolation[]> {
  const result = await cruise(roots, { ...config.options, baseDir, ruleSet: { forbidden: config.forbidden }, validate: true }, undefined, { tsConfig: undefined });
  if (typeof result.output === 'string') throw new Error(`dependency-cruiser answered text: ${result.output.slice(0, 200)}`);
  return result.output.summary.violations;
}

const describeViolation = (v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`;

describe('layers', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'calabi-layers-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('has no import that points up a layer or forms a cycle', async () => {
    const found = await violations(fromRoot('.'), folders);
    expect(found.map(describeViolation)).toEqual([]);
  });

  it('catches an import from a lower layer into a higher one, and a cycle', async () => {
    const file = (path: string, text: string) => {
      mkdirSync(join(scratch, path, '..'), { recursive: true });
      writeFileSync(join(scratch, path), text);
    };
    file('package.json', '{"type":"module"}');
    file('scheduler/job.ts', "import { x } from '../api/app.js';\nexport const job = x;\n");
    file('api/app.ts', 'export const x = 1;\n');
    file('controls/a.ts', "import { b } from './b.js';\nexport const a = () => b;\n");
    file('controls/b.ts', "import { a } from './a.js';\nexport const b = () => a;\n");
    file('bench/run.ts', "import { helper } from '../test/support/h.js';\nexport const r = helper;\n");
    file('test/support/h.ts', 'export const helper = 1;\n');
    const found = (await violations(scratch, ['scheduler', 'api', 'controls', 'bench', 'test'])).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toEqual(
      expect.arrayContaining(['layer-scheduler: scheduler/job.ts → api/app.ts', 'no-test-helpers-outside-tests: bench/run.ts → test/support/h.ts']),
    );
    expect(found.some((f) => f.startsWith('no-cycles: controls/'))).toBe(true);
  });
});
