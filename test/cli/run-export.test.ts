import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AuthorizeSecurityGroupIngressCommand, CreateSecurityGroupCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/db.js';
import { runCli } from '../support/cli.js';
import { motoClientConfig, startMoto, type Moto } from '../support/moto.js';

let moto: Moto;
let dir: string;
let cleanup: () => void;
let hook: Server;
let received: Array<Record<string, unknown>> = [];
beforeAll(async () => {
  moto = await startMoto();
  ({ dir, cleanup } = tempDir());
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  await moto?.stop();
  await new Promise((r) => hook?.close(r));
  cleanup?.();
});

const env = () => ({ AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: moto.endpoint, CALABI_WEBHOOK_ALLOW: '127.0.0.1/32' });
const lastLog = (stderr: string) => JSON.parse(stderr.trim().split('\n').filter((l) => l.startsWith('{')).at(-1)!) as Record<string, unknown>;

describe('calabi run', () => {
  it('syncs and evaluates with JSON job logs, then exits 3 and alerts when the score drops past the threshold', async () => {
    const db = join(dir, 'run.duckdb');
    const base = ['--db', db, '--json-logs', 'run', 'cis-aws-3.0', '--sync', '--regions', 'us-east-1', '--services', 'ec2'];
    const first = await runCli(base, env());
    const log1 = lastLog(first.stderr);
    expect(log1).toMatchObject({ level: expect.any(String), msg: 'run finished', status: 'ok', scan: expect.any(String) });
    // Only EC2 was synced: the other requirements cannot be trusted (ERROR), which is "completed with problems".
    expect(log1.error_requirements).toBeGreaterThan(0);
    expect(first.code).toBe(1);

    const add = await runCli(['--db', db, 'schedule', 'channel', 'add', '--name', 'hook', '--url', `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`], env());
    expect(add.code).toBe(0);
    const ec2 = new EC2Client(motoClientConfig(moto));
    const vpc = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs![0]!.VpcId!;
    const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'open-rdp', Description: 'rdp', VpcId: vpc }));
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));

    const second = await runCli([...base, '--alert-threshold', '0', '--public-url', 'https://calabi.internal'], env());
    const log2 = lastLog(second.stderr);
    expect(second.code).toBe(3);
    expect(log2).toMatchObject({ exit: 3, alert: expect.any(String), deliveries_failed: 0 });
    expect(Number(log2.score)).toBeLessThan(Number(log2.previous_score));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ event: 'score_drop', benchmark: { id: 'cis-aws-3.0' }, report_url: `https://calabi.internal/#/dashboard?scan=${log2.scan}` });

    const runs = await runCli(['--db', db, 'schedule', 'runs'], env());
    expect(runs.stdout.match(/ ok {6}cli /g)).toHaveLength(2);
    expect(runs.stdout).toContain('ALERT');
  }, 180_000);

  it('exits 2 for an unknown benchmark and lists the valid ones', async () => {
    const r = await runCli(['--db', join(dir, 'x.duckdb'), 'run', 'cis-aws-9'], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown benchmark 'cis-aws-9'.*cis-aws-3\.0/);
  });
});

describe('calabi export and verify', () => {
  it('exports the latest scan, verify says match; after an edit it says mismatch and exits 1', async () => {
    const db = join(dir, 'run.duckdb');
    const csv = join(dir, 'out.csv');
    const exp = await runCli(['--db', db, 'export', 'latest', '--format', 'csv', '--level', 'findings', '-o', csv], env());
    expect(exp.code).toBe(0);
    expect(exp.stderr).toMatch(/Wrote .*out\.csv: cis-aws-3\.0 scan .* report id [0-9a-f]{64}/);
    const ok = await runCli(['--db', db, 'verify', csv], env());
    expect(ok.stdout).toMatch(/^match: /);
    expect(ok.code).toBe(0);
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(/open-rdp|sg-[0-9a-f]+/, 'sg-00000000'));
    const bad = await runCli(['--db', db, 'verify', csv], env());
    expect(bad.stdout).toMatch(/^mismatch: /);
    expect(bad.stdout).toMatch(/FAIL findings rows/);
    expect(bad.code).toBe(1);

    const pdf = await runCli(['--db', db, 'export', 'latest', '--format', 'pdf', '--org', 'Acme', '-o', join(dir, 'r.pdf')], env());
    expect(pdf.code).toBe(0);
    expect((await runCli(['--db', db, 'verify', join(dir, 'r.pdf')], env())).code).toBe(0);
    const none = await runCli(['--db', db, 'export', 'nope', '--format', 'xlsx'], env());
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no scan 'nope'/);
  }, 120_000);
});
