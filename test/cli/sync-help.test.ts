import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromRoot } from '../../lib/package-root.js';

// Every AWS SDK package Calabi depends on answers an import with an error, so any path from the module under
// test to an SDK client fails the import itself.
const sdkPackages = Object.keys(JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).dependencies as Record<string, string>)
  .filter((name) => name.startsWith('@aws-sdk/'));

// Test files share a worker's modules (vitest.config.ts: isolate false): the modules under test are loaded afresh
// here, with the mocks in place, and the next file gets them back unmocked.
beforeAll(() => {
  vi.resetModules();
  for (const name of sdkPackages) {
    vi.doMock(name, () => {
      throw new Error(`${name} was loaded`);
    });
  }
});
afterAll(() => {
  for (const name of sdkPackages) vi.doUnmock(name);
  vi.resetModules();
});

describe('calabi sync --help', () => {
  it('refuses an SDK import in this file (the check below can fail)', async () => {
    expect(sdkPackages.length).toBeGreaterThan(20);
    const error: unknown = await import('../../sync/runner.js').then(() => null, (e: unknown) => e);
    // vitest wraps the factory's error; its cause names the package.
    expect(String((error as { cause?: unknown })?.cause)).toMatch(/@aws-sdk\/client-\S+ was loaded/);
  });

  it('lists every registered service without loading the AWS SDK or a collector', async () => {
    const { register } = await import('../../cli/commands/sync.js');
    const { serviceNames } = await import('../../sync/services.js');
    const program = new Command('calabi');
    register(program, () => {});
    const help = program.commands.find((c) => c.name() === 'sync')!.helpInformation().replace(/\s+/g, ' ');
    expect(serviceNames).toContain('iam');
    expect(serviceNames).toContain('eks');
    expect(help).toContain(serviceNames.join(','));
  });
});
