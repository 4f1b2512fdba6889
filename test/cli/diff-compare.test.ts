import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScan } from '../../testkit/seed-scan.js';
import { runCli } from '../support/cli.js';
import { fileDb } from '../support/db.js';

// Review: `calabi diff <scanA> <scanB>` and `calabi compare` as a user runs them (issue 5), on a database file.
let path: string;
let cleanup: () => void;

beforeAll(async () => {
  const f = await fileDb();
  path = f.path;
  cleanup = f.cleanup;
  const http = { id: '2.1.1', title: 'Ensure S3 Bucket Policy is set to deny HTTP requests', severity: 'high', checks: ['s3_bucket_denies_http'] };
  const sg = { id: '5.2', title: 'Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports', severity: 'high', checks: ['ec2_sg_no_admin_ports_open_ipv4'] };
  await seedScan(f.db, {
    id: 'scan-a', startedAt: '2026-11-20T08:00:00.000Z',
    controls: [{ ...http, status: 'FAIL' }, { ...sg, status: 'PASS' }],
    findings: [{ control: '2.1.1', resource: 'arn:aws:s3:::acme-logs', reason: 'allows HTTP' }, { control: '2.1.1', resource: 'arn:aws:s3:::acme-tmp', reason: 'allows HTTP' }],
  });
  await seedScan(f.db, {
    id: 'scan-b', startedAt: '2026-11-21T08:00:00.000Z',
    controls: [{ ...http, status: 'FAIL' }, { ...sg, status: 'FAIL' }],
    findings: [{ control: '2.1.1', resource: 'arn:aws:s3:::acme-logs', reason: 'allows HTTP' }, { control: '5.2', resource: 'sg-0123456789abcdef0', reason: 'SSH open to the world' }],
  });
  await seedScan(f.db, {
    id: 'scan-15', benchmarkId: 'cis-aws-1.5', startedAt: '2026-11-21T08:00:00.000Z',
    controls: [{ ...http, id: '2.1.2', status: 'FAIL' }, { ...sg, status: 'FAIL' }],
  });
  f.db.close();
});
afterAll(() => cleanup?.());

describe('calabi diff', () => {
  it('prints newly failing, resolved and still failing requirements and findings by resource', async () => {
    const r = await runCli(['--db', path, 'diff', 'scan-a', 'scan-b']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Requirements newly failing \(1\)\n\s+5\.2\s+PASS\s+→ FAIL/);
    expect(r.stdout).toMatch(/Requirements still failing \(1\)\n\s+2\.1\.1/);
    expect(r.stdout).toMatch(/Findings newly failing: 1\n\s+5\.2\s+sg-0123456789abcdef0/);
    expect(r.stdout).toMatch(/Findings resolved: 1\n\s+2\.1\.1\s+arn:aws:s3:::acme-tmp/);
    expect(r.stdout).toMatch(/Findings still failing: 1/);
  });

  it('gives the same drift as JSON', async () => {
    const r = await runCli(['--db', path, 'diff', 'scan-a', 'scan-b', '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.requirements.newly_failing.map((x: { id: string }) => x.id)).toEqual(['5.2']);
    expect(d.findings.resolved.items.map((x: { resource_id: string }) => x.resource_id)).toEqual(['arn:aws:s3:::acme-tmp']);
    expect(d.findings.still_failing.count).toBe(1);
  });

  it('exits 2 and names the scan for an unknown scan, and refuses scans of different benchmarks', async () => {
    const unknown = await runCli(['--db', path, 'diff', 'scan-a', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nope');
    const mixed = await runCli(['--db', path, 'diff', 'scan-a', 'scan-15']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/benchmark/i);
  });
});

describe('calabi compare', () => {
  it('sets two benchmark versions side by side by check, under each version\'s requirement id', async () => {
    const r = await runCli(['--db', path, 'compare', 'cis-aws-1.5', 'cis-aws-3.0', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    const http = c.rows.find((x: { check_id: string }) => x.check_id === 's3_bucket_denies_http');
    expect(http.requirements['cis-aws-1.5']).toEqual([expect.objectContaining({ id: '2.1.2', status: 'FAIL' })]);
    expect(http.requirements['cis-aws-3.0']).toEqual([expect.objectContaining({ id: '2.1.1', status: 'FAIL' })]);
  });

  it('exits 2 with the fix when a benchmark has no scan', async () => {
    const r = await runCli(['--db', path, 'compare', 'cis-aws-1.4', 'cis-aws-3.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--evaluate');
  });
});
