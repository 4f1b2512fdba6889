import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/db.js';
import { runCli } from '../support/cli.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup?.());

describe('calabi schedule', () => {
  it('adds, lists, pauses and deletes a schedule; a bad time zone is exit 2 with the fix', async () => {
    const db = join(dir, 's.duckdb');
    const add = await runCli(['--db', db, 'schedule', 'add', 'cis-aws-1.5', '--monthly', 'last', '--at', '23:30', '--tz', 'America/New_York', '--alert-threshold', '2.5']);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/cis-aws-1\.5 {2}monthly on the last day at 23:30 America\/New_York, alert on a drop > 2\.5 points/);
    const id = add.stdout.split(' ')[0]!;
    const paused = await runCli(['--db', db, 'schedule', 'pause', id]);
    expect(paused.stdout).toContain('PAUSED');
    const list = await runCli(['--db', db, 'schedule', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id, paused: true, next_run_at: null, day_of_month: -1 })]);
    expect((await runCli(['--db', db, 'schedule', 'delete', id])).code).toBe(0);
    const bad = await runCli(['--db', db, 'schedule', 'add', 'cis-aws-3.0', '--daily', '--at', '06:00', '--tz', 'Berlin']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown time zone 'Berlin': use an IANA name such as UTC, Europe\/Berlin/);
  }, 120_000);
});
