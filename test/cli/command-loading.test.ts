import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLoaders, commandOf, commandsFor } from '../../cli/commands/index.js';
import { loadedModules } from '../support/loaded-modules.js';

describe('loading only the command that runs', () => {
  it('finds the command after global options, skipping the value of --db', () => {
    expect(commandOf(['--db', 'evaluate', 'sync', '--regions', 'eu-west-1'])).toBe('sync');
    expect(commandOf(['--json-logs', 'evaluate', 'cis-aws-3.0'])).toBe('evaluate');
  });

  it('loads every command for help, no command, or a name it does not know', async () => {
    const all = (await commandsFor(['--help'])).length;
    expect(all).toBeGreaterThan(10);
    expect(commandOf([])).toBeNull();
    expect(commandOf(['evaluat'])).toBeNull();
    expect(await commandsFor(['evaluat'])).toHaveLength(all);
  });

  it('loads one command for that command, and none for --version', async () => {
    expect(await commandsFor(['query', 'SELECT 1'])).toHaveLength(1);
    expect(await commandsFor(['--version'])).toHaveLength(0);
  });
});

/**
 * Help must cost what commander costs: a command registers its options with light imports and loads its
 * dependencies (AWS SDK clients, DuckDB, exceljs, pdfkit, the Hono server, zod, croner) in its action. Checked on
 * the modules a real `node bin/calabi.js … --help` loads, not on timings (bench:startup measures those).
 */
describe('what help loads', () => {
  // The packages help may load; anything else (a heavy dependency imported at the top of a command file) fails.
  const light = new Set(['commander', 'picocolors']);
  // The TypeScript runner bin/calabi.js uses for the sources (the compiled CLI in dist/ does not load it).
  const sourceRunner = new Set(['tsx', 'esbuild', 'get-tsconfig', 'resolve-pkg-maps']);
  const unexpected = (packages: string[]) => packages.filter((p) => !light.has(p) && !sourceRunner.has(p) && !p.startsWith('@esbuild/'));

  const helps = [['--version'], ['--help'], ...Object.keys(commandLoaders).map((c) => [c, '--help']), ['schedule', 'add', '--help']];

  it('loads no AWS SDK, DuckDB, exceljs, pdfkit, server, zod or croner for --version, --help and any <command> --help', async () => {
    const heavy: Record<string, string[]> = {};
    const failed: Record<string, string> = {};
    const queue = [...helps];
    // Two at a time: each is a Node process compiling the sources it loads.
    await Promise.all([0, 1].map(async () => {
      for (let args = queue.shift(); args; args = queue.shift()) {
        const run = await loadedModules(args);
        if (run.code !== 0) failed[args.join(' ')] = run.stderr;
        const extra = unexpected(run.packages);
        if (extra.length) heavy[args.join(' ')] = extra;
      }
    }));
    expect(failed).toEqual({});
    expect(heavy).toEqual({});
  }, 300_000);

  it('prints help while loading only commander and picocolors of the dependencies', async () => {
    const run = await loadedModules(['export', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--format <format>');
    expect(run.stdout).toContain('csv, xlsx, pdf');
    expect(run.packages).toContain('commander');
    expect(unexpected(run.packages)).toEqual([]);
  });

  it('loads a command\'s dependencies once the command runs', async () => {
    // The same recorder sees DuckDB as soon as a command opens a database (here one that cannot exist: exit 2).
    const dir = mkdtempSync(join(tmpdir(), 'calabi-loading-'));
    try {
      const run = await loadedModules(['--db', join(dir, 'missing', 'x.duckdb'), 'benchmarks']);
      expect(run.code).toBe(2);
      expect(run.packages).toEqual(expect.arrayContaining(['@duckdb/node-api', 'zod']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
