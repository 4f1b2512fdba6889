import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromRoot } from '../../lib/package-root.js';

/**
 * bin/calabi.js runs the compiled dist/ only while no source of a compiled folder is newer than the build stamp.
 * Checked on a miniature package: the real bin script, a dist/ and a source main that say which one ran.
 */
describe('choosing the compiled CLI or the sources', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function pkg(stamp: string, stampAgeS: number): void {
    root = mkdtempSync(join(tmpdir(), 'calabi-bin-'));
    const file = (path: string, text: string, ageS = 60) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
      const when = new Date(Date.now() - ageS * 1000);
      utimesSync(join(root, path), when, when);
    };
    mkdirSync(join(root, 'bin'));
    for (const f of ['calabi.js', 'dist-current.js']) copyFileSync(fromRoot(`bin/${f}`), join(root, 'bin', f));
    symlinkSync(fromRoot('node_modules'), join(root, 'node_modules'));
    file('package.json', '{"type":"module"}');
    file('dist/cli/main.js', "export async function main() { process.stdout.write('dist'); return 0; }\n");
    file('cli/main.ts', "export async function main(): Promise<number> { process.stdout.write('sources'); return 0; }\n");
    file('console/pool.ts', 'export const pool = 1;\n');
    file('dist/.built', stamp, stampAgeS);
  }

  const ran = () => spawnSync(process.execPath, [join(root, 'bin', 'calabi.js')], { encoding: 'utf8' }).stdout;
  const stamp = (sources: string[]) => JSON.stringify({ built: new Date().toISOString(), sources });

  it('runs dist when the build is newer than every compiled source', () => {
    pkg(stamp(['cli', 'console']), 10);
    expect(ran()).toBe('dist');
  });

  it('runs the sources when a file in any compiled folder is newer than the build (console/ included)', () => {
    pkg(stamp(['cli', 'console']), 120);
    utimesSync(join(root, 'cli', 'main.ts'), new Date(Date.now() - 200_000), new Date(Date.now() - 200_000));
    expect(ran()).toBe('sources');
  });

  it('runs the sources when the stamp does not say which folders were compiled (an older build)', () => {
    pkg(`${new Date().toISOString()}\n`, 10);
    expect(ran()).toBe('sources');
  });
});
