import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';
import { seedScan } from '../../testkit/seed-scan.js';

// Issue 17: `calabi export --output` to a missing folder or onto a directory crashed with a Node stack.
let dir: { dir: string; cleanup: () => void };
let dbPath: string;
beforeAll(async () => {
  dir = tempDir();
  dbPath = join(dir.dir, 'calabi.duckdb');
  const db = await Database.open(dbPath);
  await seedScan(db, { id: 'scan-export-1', controls: [{ id: '1.1', status: 'FAIL' }], findings: [{ control: '1.1', resource: 'arn:aws:s3:::b' }] });
  db.close();
  mkdirSync(join(dir.dir, 'out'));
}, 60_000);
afterAll(() => dir.cleanup());

const oneLineUsage = (stderr: string) => {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |CALABI_DEBUG/);
};

describe('calabi export --output', () => {
  for (const format of ['csv', 'xlsx', 'pdf']) {
    it(`refuses a ${format} export into a folder that does not exist with one line and exit 2, leaving no file`, async () => {
      const target = join(dir.dir, 'missing', `r.${format}`);
      const r = await runCli(['--db', dbPath, 'export', 'latest', '--format', format, '-o', target]);
      expect(r.code).toBe(2);
      oneLineUsage(r.stderr);
      expect(r.stderr).toMatch(/the folder .*missing does not exist/);
      expect(existsSync(join(dir.dir, 'missing'))).toBe(false);
    });

    it(`refuses a ${format} export onto a folder with one line and exit 2, leaving the folder as it was`, async () => {
      const target = join(dir.dir, 'out');
      const r = await runCli(['--db', dbPath, 'export', 'latest', '--format', format, '-o', target]);
      expect(r.code).toBe(2);
      oneLineUsage(r.stderr);
      expect(r.stderr).toMatch(/it is a folder/);
      expect(readdirSync(target)).toEqual([]);
    });
  }

  it('writes the file under its name and leaves no temporary file beside it', async () => {
    const target = join(dir.dir, 'out', 'report.csv');
    const r = await runCli(['--db', dbPath, 'export', 'latest', '--format', 'csv', '-o', target]);
    expect(r.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('1.1');
    expect(readdirSync(join(dir.dir, 'out'))).toEqual(['report.csv']);
  });
});
