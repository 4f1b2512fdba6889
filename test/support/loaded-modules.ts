import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../../lib/package-root.js';
import { runCli, type CliResult } from './cli.js';

export interface LoadedModules extends CliResult {
  /** Every module the process loaded: file URLs (ES modules) and paths (CommonJS). */
  modules: string[];
  /** The npm packages among them, by name (`@duckdb/node-api`, `commander`). */
  packages: string[];
}

/** The package a module URL or path belongs to (the innermost node_modules folder), or null for Calabi's own. */
export function packageOf(module: string): string | null {
  const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(decodeURIComponent(module));
  return m ? m[1]! : null;
}

/**
 * Runs `node bin/calabi.js args` from the TypeScript sources (CALABI_FROM_SOURCE=1: what is tested is the tree as
 * it is, not a possibly older dist/) with test/support/record-imports.mjs preloaded, and returns what it loaded.
 */
export async function loadedModules(args: string[], env: Record<string, string> = {}): Promise<LoadedModules> {
  const dir = mkdtempSync(join(tmpdir(), 'calabi-imports-'));
  const log = join(dir, 'modules.log');
  try {
    const command = [process.execPath, '--import', fromRoot('test/support/record-imports.mjs'), fromRoot('bin/calabi.js'), ...args];
    const result = await runCli(args, { CALABI_FROM_SOURCE: '1', CALABI_IMPORT_LOG: log, ...env }, 120_000, command);
    const modules = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
    const packages = [...new Set(modules.map(packageOf).filter((p): p is string => p !== null))].sort();
    return { ...result, modules, packages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
