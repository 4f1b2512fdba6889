import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { cliCredentials, motoAndFolder } from '../support/moto-folder.js';

// Issue 2: "At the end: resources per table, API calls made, errors, duration." The existing CLI test only checks
// the first line; these compare the printed per-table counts with what the database holds.
const t = motoAndFolder();

const env = () => ({ ...cliCredentials, AWS_ENDPOINT_URL: t.moto.endpoint });

async function count(db: string, table: string): Promise<number> {
  const q = await runCli(['--db', db, 'query', `SELECT count(*) AS n FROM ${table}`, '--format', 'csv']);
  return Number(q.stdout.trim().split(/\r?\n/)[1]);
}

describe('the end-of-sync summary', () => {
  it('prints resources per table, API calls and duration, matching the database', async () => {
    const db = join(t.dir, 'plain.duckdb');
    const r = await runCli(['--db', db, 'sync', '--regions', 'us-east-1,eu-west-1', '--services', 'ec2'], env());
    expect(r.code).toBe(0);
    const head = r.stderr.match(/Synced (\d+) resources from 1 account\(s\) × 2 region\(s\) in ([\d.]+)s with (\d+) API calls\./);
    expect(head).not.toBeNull();
    expect(Number(head![3])).toBeGreaterThan(0);
    const vpcs = await count(db, 'aws_ec2_vpcs');
    expect(vpcs).toBe(2); // moto's default VPC in each region
    expect(r.stderr).toMatch(new RegExp(`\\n\\s+aws_ec2_vpcs\\s+${vpcs}\\n`));
    const sgs = await count(db, 'aws_ec2_security_groups');
    expect(r.stderr).toMatch(new RegExp(`\\n\\s+aws_ec2_security_groups\\s+${sgs}\\n`));
  });

  it('puts the same facts in the last JSON log line with --json-logs', async () => {
    const db = join(t.dir, 'json.duckdb');
    const r = await runCli(['--db', db, '--json-logs', 'sync', '--regions', 'us-east-1', '--services', 'ec2'], env());
    expect(r.code).toBe(0);
    const last = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as { api_calls: number; errors: number; seconds: number; resources: number; tables: Record<string, number> };
    expect(last.api_calls).toBeGreaterThan(0);
    expect(last.errors).toBe(0);
    expect(typeof last.seconds).toBe('number');
    expect(last.tables.aws_ec2_vpcs).toBe(await count(db, 'aws_ec2_vpcs'));
    expect(last.resources).toBe(Object.values(last.tables).reduce((a, b) => a + b, 0));
  });
});
