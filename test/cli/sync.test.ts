import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { cliCredentials, motoAndFolder } from '../support/moto-folder.js';

const t = motoAndFolder();

const creds = cliCredentials;

describe('calabi sync', () => {
  it('exits 0 after a clean sync and prints what it collected', async () => {
    const r = await runCli(['--db', join(t.dir, 'a.duckdb'), 'sync', '--regions', 'us-east-1', '--services', 'ec2'], { ...creds, AWS_ENDPOINT_URL: t.moto.endpoint });
    expect(r.stderr).toMatch(/Synced \d+ resources from 1 account\(s\) × 1 region\(s\)/);
    expect(r.code).toBe(0);
  });

  it('exits 1 when a service failed, summarising the errors', async () => {
    // Access Analyzer answers HTTP 500 on moto: a real fault.
    const r = await runCli(['--db', join(t.dir, 'b.duckdb'), 'sync', '--regions', 'us-east-1', '--services', 'accessanalyzer'], { ...creds, AWS_ENDPOINT_URL: t.moto.endpoint });
    expect(r.stderr).toMatch(/collection error/);
    expect(r.stderr).toMatch(/accessanalyzer/);
    expect(r.code).toBe(1);
  });

  it('exits 2 with a message listing valid regions for an unknown region', async () => {
    const r = await runCli(['--db', join(t.dir, 'c.duckdb'), 'sync', '--regions', 'atlantis-1'], { ...creds, AWS_ENDPOINT_URL: t.moto.endpoint });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown or disabled region: atlantis-1\. Valid regions for this account: .*us-east-1/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 and says how to configure credentials when there are none', async () => {
    const r = await runCli(['--db', join(t.dir, 'd.duckdb'), 'sync', '--regions', 'us-east-1'], { AWS_ENDPOINT_URL: t.moto.endpoint, AWS_REGION: 'us-east-1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Configure credentials/);
  });

  it('exits 2 for an unknown service, listing the valid ones', async () => {
    const r = await runCli(['--db', join(t.dir, 'e.duckdb'), 'sync', '--services', 'lambada'], { ...creds, AWS_ENDPOINT_URL: t.moto.endpoint });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown service: lambada\. Valid services: .*iam/);
  });

  it('writes one JSON object per log line with --json-logs', async () => {
    const r = await runCli(['--db', join(t.dir, 'f.duckdb'), '--json-logs', 'sync', '--regions', 'us-east-1', '--services', 'ec2'], { ...creds, AWS_ENDPOINT_URL: t.moto.endpoint });
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; resources?: number });
    expect(lines.at(-1)).toMatchObject({ msg: 'sync finished', status: 'ok' });
  });
});

describe('calabi', () => {
  it('prints its version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.code).toBe(0);
  });

  it('exits 2 with usage help for an unknown command', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});

describe('calabi sync on a terminal', () => {
  it('draws a live progress display per account and region', async () => {
    // `script` runs the command on a pseudo-terminal, so stderr is a TTY as it is for a person.
    const db = join(t.dir, 'tty.duckdb');
    const command = `node bin/calabi.js --db ${db} sync --regions us-east-1 --services ec2`;
    const r = await runCli([], {}, 120_000, ['script', '-qec', command, '/dev/null'], {
      ...creds,
      AWS_ENDPOINT_URL: t.moto.endpoint,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sync(?:\x1b\[\d+m)? \[#+\.*\] \d+\/\d+/); // the bar, filled as scopes finish
    expect(r.stdout).toMatch(/123456789012 us-east-1\s+\d+ done/); // a line per account and region
    expect(r.stdout).toContain('\x1b['); // redrawn in place
  });
});
