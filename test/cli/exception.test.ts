import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/db.js';
import { runCli } from '../support/cli.js';

// Issue 14: `calabi exception …` as a user runs it: bad input exits 2 with what to fix; a YAML file round-trips
// through export and import, and importing it again reports that nothing changed.
let dir: string;
let cleanup: () => void;
let db: string;
const env = { CALABI_USER: 'tester' };
const cli = (...args: string[]) => runCli(['--db', db, 'exception', ...args], env, 180_000);
const check = 's3_bucket_default_encryption';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'calabi.duckdb');
});
afterAll(() => cleanup());

describe('calabi exception', () => {
  it('exits 2 naming what to fix: no justification, an expiry past --max-exception-days, an unknown check', async () => {
    const noReason = await cli('add', '--check', check, '--owner', 'o', '--expires', inDays(10));
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('justification is required');
    const far = await cli('add', '--check', check, '--owner', 'o', '--justification', 'j', '--expires', inDays(40), '--max-exception-days', '30');
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('maximum of 30 days');
    const unknown = await cli('add', '--check', 'no_such_check', '--owner', 'o', '--justification', 'j', '--expires', inDays(10));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown check 'no_such_check'");
  }, 600_000);

  it('adds, exports, re-imports idempotently, applies an edited file and revokes', async () => {
    const added = await cli('add', '--check', check, '--resource', 'arn:aws:s3:::logs-*', '--owner', 'team-data', '--justification', 'encrypted by the app', '--expires', inDays(60));
    expect(added.code).toBe(0);
    const id = /created exception (\S+):/.exec(added.stdout)![1]!;
    const file = join(dir, 'exceptions.yaml');
    expect((await cli('export', file)).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`id: ${id}`);
    expect((await cli('import', file)).stdout).toContain('0 created, 0 changed, 1 unchanged');
    writeFileSync(file, text.replace('owner: team-data', 'owner: team-platform'));
    const edited = await cli('import', file);
    expect(edited.stdout).toContain(`changed  ${id}: owner`);
    expect((await cli('revoke', id)).stdout).toContain(`revoked exception ${id} (by tester`);
    const history = await cli('history', id);
    const csv = (await cli('list', '--all', '--format', 'csv')).stdout.split('\r\n');
    expect(csv[0]).toBe('id,state,scope,justification,owner,created_by,created_at,expires_at,ticket,revoked_at,revoked_by');
    expect(csv[1]).toContain(`${id},revoked,check ${check}, resource arn:aws:s3:::logs-*`.replace(`check ${check}, resource arn:aws:s3:::logs-*`, `"check ${check}, resource arn:aws:s3:::logs-*"`));
    expect(csv[1]).toContain('encrypted by the app,team-platform,tester');
    expect(history.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/).slice(1, 3).join(' '))).toEqual(['r1 created', 'r2 changed', 'r3 revoked']);
  }, 600_000);
});
