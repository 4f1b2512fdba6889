import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { cliCredentials, motoAndFolder } from '../support/moto-folder.js';

// Issue 2: "Endpoint overrides follow the SDK convention (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>)".
// The generic override points at a closed port; only the per-service overrides lead to moto, so a clean sync
// proves the per-service variables win for the services the sync calls.
const t = motoAndFolder();

const creds = cliCredentials;

describe('per-service endpoint variables', () => {
  it('sends each service to its AWS_ENDPOINT_URL_<SERVICE> rather than AWS_ENDPOINT_URL', async () => {
    const db = join(t.dir, 'svc.duckdb');
    const r = await runCli(['--db', db, 'sync', '--regions', 'us-east-1', '--services', 'ec2'], {
      ...creds,
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_STS: t.moto.endpoint,
      AWS_ENDPOINT_URL_EC2: t.moto.endpoint,
      AWS_ENDPOINT_URL_IAM: t.moto.endpoint,
      AWS_ENDPOINT_URL_ORGANIZATIONS: t.moto.endpoint,
    });
    expect(r.stderr).not.toMatch(/127\.0\.0\.1:9|ECONNREFUSED/);
    expect(r.code).toBe(0);
    const q = await runCli(['--db', db, 'query', 'SELECT count(*) AS n FROM aws_ec2_vpcs', '--format', 'csv']);
    expect(q.stdout.trim().split(/\r?\n/)[1]).toBe('1'); // moto's default VPC in us-east-1
  });

  it('syncs the requested --regions when DescribeRegions cannot be called, as the setup error advises', async () => {
    const env = { ...creds, AWS_ENDPOINT_URL: t.moto.endpoint, AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9' };
    const without = await runCli(['--db', join(t.dir, 'svc2.duckdb'), 'sync', '--services', 'sns'], env);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/cannot list regions .*ECONNREFUSED.*pass --regions/);
    const withRegions = await runCli(['--db', join(t.dir, 'svc3.duckdb'), 'sync', '--regions', 'us-east-1,eu-west-1', '--services', 'sns'], env);
    expect(withRegions.stderr).not.toMatch(/cannot list regions/);
    expect(withRegions.code).toBe(0);
    const q = await runCli(['--db', join(t.dir, 'svc3.duckdb'), 'query', 'SELECT region FROM aws_regions ORDER BY region', '--format', 'csv']);
    expect(q.stdout.trim().split(/\r?\n/).slice(1)).toEqual(['eu-west-1', 'us-east-1']);
  });
});
