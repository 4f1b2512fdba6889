import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';

// Review: issue 5 "changed … through `calabi schedule …`" and the channel sub-commands, untested elsewhere.
let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup?.());

describe('calabi schedule update and channels', () => {
  it('changes only the options given, resumes a paused schedule, and says exit 2 for an unknown id', async () => {
    const db = join(dir, 'u.duckdb');
    const add = await runCli(['--db', db, 'schedule', 'add', 'cis-aws-3.0', '--daily', '--at', '06:00', '--tz', 'Europe/Berlin', '--name', 'nightly', '--paused']);
    expect(add.code).toBe(0);
    const id = add.stdout.split(' ')[0]!;
    const upd = await runCli(['--db', db, 'schedule', 'update', id, '--weekly', 'monday', '--at', '07:15', '--sync', '--alert-threshold', '5']);
    expect(upd.stderr).toBe('');
    expect(upd.code).toBe(0);
    const list = async () => JSON.parse((await runCli(['--db', db, 'schedule', 'list', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(await list()).toEqual([expect.objectContaining({ id, name: 'nightly', frequency: 'weekly', weekday: 1, time_of_day: '07:15', timezone: 'Europe/Berlin', sync_first: true, alert_threshold: 5, paused: true })]);
    expect((await runCli(['--db', db, 'schedule', 'update', id, '--no-sync'])).code).toBe(0);
    const resumed = await runCli(['--db', db, 'schedule', 'resume', id]);
    expect(resumed.stdout).not.toContain('PAUSED');
    const [s] = await list();
    expect(s).toMatchObject({ sync_first: false, paused: false, frequency: 'weekly', alert_threshold: 5 });
    expect(typeof s!.next_run_at).toBe('string');
    const missing = await runCli(['--db', db, 'schedule', 'update', 'no-such-id', '--at', '08:00']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no schedule no-such-id');
  }, 120_000);

  it('adds, lists and removes a webhook channel; refuses a non-HTTP URL with exit 2', async () => {
    const db = join(dir, 'c.duckdb');
    const add = await runCli(['--db', db, 'schedule', 'channel', 'add', '--name', 'ops', '--url', 'http://127.0.0.1:9/hook']);
    expect(add.code).toBe(0);
    const id = add.stdout.split(' ')[0]!;
    const list = await runCli(['--db', db, 'schedule', 'channel', 'list']);
    expect(list.stdout).toContain(`${id}  ops  http://127.0.0.1:9/hook`);
    const bad = await runCli(['--db', db, 'schedule', 'channel', 'add', '--name', 'x', '--url', 'ftp://example.com/x']);
    expect(bad.code).toBe(2);
    expect((await runCli(['--db', db, 'schedule', 'channel', 'remove', id])).stdout).toContain(`Deleted channel ${id}`);
    expect((await runCli(['--db', db, 'schedule', 'channel', 'list'])).stdout).toMatch(/^No channels/);
  }, 120_000);
});
