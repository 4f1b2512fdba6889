import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/db.js';

// Issue 2: ".ci/run installs what the tests need (npm ci; fails with a clear message if moto_server is missing)".
// A PATH with only the few tools the script needs before its moto check, and no moto_server.
let dir: { dir: string; cleanup: () => void };
beforeAll(() => {
  dir = tempDir();
  for (const tool of ['date', 'uname', 'dirname']) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(found, join(dir.dir, tool));
  }
  symlinkSync(process.execPath, join(dir.dir, 'node'));
});
afterAll(() => dir.cleanup());

describe('.ci/run', () => {
  it('stops before npm ci and says how to install moto_server when it is missing', () => {
    const r = spawnSync('/bin/bash', ['.ci/run'], { encoding: 'utf8', env: { PATH: dir.dir, HOME: process.env.HOME ?? '/tmp' }, timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/moto_server is missing/);
    expect(r.stderr).toMatch(/pip install 'moto\[server\]/);
    expect(r.stdout).not.toMatch(/== npm ci/);
  });
});
