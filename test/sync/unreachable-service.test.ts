import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { cliCredentials, motoAndFolder } from '../support/moto-folder.js';

// Issue 2: "a failing call (... a service missing in a region) never aborts the sync; it becomes a row in
// sync_errors". An endpoint nobody listens on stands in for a service with no endpoint in the region.
const t = motoAndFolder();

describe('a service that cannot be reached', () => {
  it('records the failure in sync_errors, still syncs the other services, and exits 1', async () => {
    const db = join(t.dir, 'u.duckdb');
    const r = await runCli(['--db', db, 'sync', '--regions', 'us-east-1', '--services', 'sns,ec2'], {
      ...cliCredentials,
      AWS_ENDPOINT_URL: t.moto.endpoint, AWS_ENDPOINT_URL_SNS: 'http://127.0.0.1:9',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/collection error/);
    const errors = await runCli(['--db', db, 'query', 'SELECT DISTINCT service, region, message IS NOT NULL AS has_message FROM sync_errors', '--format', 'json']);
    expect(JSON.parse(errors.stdout)).toEqual([{ service: 'sns', region: 'us-east-1', has_message: true }]);
    const vpcs = await runCli(['--db', db, 'query', 'SELECT count(*) AS n FROM aws_ec2_vpcs', '--format', 'csv']);
    expect(vpcs.stdout.trim().split(/\r?\n/)[1]).toBe('1');
  });
});
