import { join } from 'node:path';
import { GetFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../schema/db.js';
import { seedScan, type SeedControl, type SeedFinding } from '../../testkit/seed-scan.js';
import { motoClientConfig, startMoto, type Moto } from '../support/moto.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/db.js';

// `calabi push securityhub` as a user runs it, against moto_server with the real AWS SDK; what Security Hub holds
// afterwards is read back with GetFindings. moto's account for the test credentials is 123456789012.
// moto does not model Security Hub's own Workflow rule (archiving a NEW finding marks it RESOLVED), so only what
// Calabi sends is asserted: RecordState and Compliance.Status.
const caller = '123456789012';
const other = '999999999999';
const buckets = Array.from({ length: 150 }, (_, i) => `arn:aws:s3:::push-${String(i).padStart(3, '0')}`);

let moto: Moto;
let tmp: ReturnType<typeof tempDir>;
let dbPath: string;

const controls = (passwordStatus: SeedControl['status']): SeedControl[] => [
  { id: '1.8', title: 'Password policy length', status: passwordStatus, severity: 'medium', checks: ['iam_password_policy_min_length_14'] },
  { id: '2.1.1', title: 'S3 denies HTTP', status: 'FAIL', severity: 'high', checks: ['s3_bucket_denies_http'] },
];
const bucketFindings = (list: readonly string[]): SeedFinding[] => list.map((b) => ({ control: '2.1.1', resource: b, account: caller, region: 'eu-west-1', reason: 'allows HTTP' }));
const root = { control: '1.8', resource: `arn:aws:iam::${caller}:root`, account: caller, region: 'global', reason: 'no password policy' };

beforeAll(async () => {
  moto = await startMoto();
  tmp = tempDir();
  dbPath = join(tmp.dir, 'calabi.duckdb');
  const db = await Database.open(dbPath);
  try {
    await db.run(`INSERT INTO aws_accounts (account_id, region, arn, partition, synced_at, raw) VALUES ('${caller}', 'global', 'arn:aws:::${caller}', 'aws', now(), '{}')`);
    await db.run(`INSERT INTO aws_regions (account_id, region, partition, synced_at, raw) VALUES ('${caller}', 'eu-west-1', 'aws', now(), '{}')`);
    await seedScan(db, {
      id: 'scan-1', startedAt: '2026-11-20T08:00:00.000Z', controls: controls('FAIL'),
      findings: [...bucketFindings(buckets), root, { control: '2.1.1', resource: 'arn:aws:s3:::theirs', account: other, region: 'eu-west-1' }],
    });
    // The first 100 buckets were fixed.
    await seedScan(db, { id: 'scan-2', startedAt: '2026-11-27T08:00:00.000Z', controls: controls('FAIL'), findings: [...bucketFindings(buckets.slice(100)), root] });
    // The password policy could not be read (its requirement is ERROR): its finding is not there, but nothing was fixed.
    await seedScan(db, { id: 'scan-3', startedAt: '2026-11-28T08:00:00.000Z', controls: controls('ERROR'), findings: bucketFindings(buckets.slice(100)) });
  } finally {
    db.close();
  }
}, 60_000);
afterAll(async () => {
  await moto?.stop();
  tmp?.cleanup();
});

const push = (scan: string) =>
  runCli(['--db', dbPath, 'push', 'securityhub', '--scan', scan], { AWS_ENDPOINT_URL: moto.endpoint, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' });

async function hub(region: string): Promise<AwsSecurityFinding[]> {
  const client = new SecurityHubClient(motoClientConfig(moto, region));
  const all: AwsSecurityFinding[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new GetFindingsCommand({ MaxResults: 100, NextToken }));
    all.push(...(page.Findings ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  client.destroy();
  return all;
}

async function recorded(): Promise<Array<{ record_state: string; n: number }>> {
  const db = await Database.open(dbPath, { readOnly: true });
  try {
    return await db.all('SELECT record_state, count(*) AS n FROM securityhub_findings GROUP BY ALL ORDER BY ALL');
  } finally {
    db.close();
  }
}

describe('calabi push securityhub', () => {
  it('imports the caller account’s failing findings, each region into its own hub, and skips other accounts', async () => {
    const r = await push('scan-1');
    expect(r.stderr).toContain('151 new, 0 updated, 0 reopened, 0 archived (resolved), 0 failed');
    expect(r.stderr).toContain('Skipped 1 finding(s) of other accounts');
    expect(r.code).toBe(0);
    const eu = await hub('eu-west-1');
    expect(eu).toHaveLength(150);
    expect(new Set(eu.map((f) => f.RecordState))).toEqual(new Set(['ACTIVE']));
    expect(eu.every((f) => f.ProductArn === `arn:aws:securityhub:eu-west-1:${caller}:product/${caller}/default`)).toBe(true);
    const us = await hub('us-east-1');
    expect(us.map((f) => f.Resources?.[0]?.Id)).toEqual([`arn:aws:iam::${caller}:root`]);
    expect(await recorded()).toEqual([{ record_state: 'ACTIVE', n: 151 }]);
  }, 180_000);

  it('after a fix, updates what still fails and archives what was resolved, without duplicating any finding', async () => {
    const r = await push('scan-2');
    expect(r.stderr).toContain('0 new, 51 updated, 0 reopened, 100 archived (resolved), 0 failed');
    expect(r.code).toBe(0);
    const eu = await hub('eu-west-1');
    expect(eu).toHaveLength(150);
    const archived = eu.filter((f) => f.RecordState === 'ARCHIVED');
    expect(archived.map((f) => f.Resources?.[0]?.Id).sort()).toEqual(buckets.slice(0, 100));
    expect(archived.every((f) => f.Compliance?.Status === 'PASSED')).toBe(true);
    const active = eu.filter((f) => f.RecordState === 'ACTIVE');
    expect(active).toHaveLength(50);
    // Still failing: same id, first CreatedAt kept, UpdatedAt moved to the later scan.
    expect(new Set(active.map((f) => `${f.CreatedAt} ${f.UpdatedAt}`))).toEqual(new Set(['2026-11-20T08:00:00.000Z 2026-11-27T08:00:05.000Z']));
    expect(await recorded()).toEqual([{ record_state: 'ACTIVE', n: 51 }, { record_state: 'ARCHIVED', n: 100 }]);
  }, 180_000);

  it('does not archive a finding whose check the scan could not decide (its requirement is in ERROR)', async () => {
    const r = await push('scan-3');
    expect(r.stderr).toContain('0 new, 50 updated, 0 reopened, 0 archived (resolved), 0 failed');
    const us = await hub('us-east-1');
    expect(us.map((f) => [f.Resources?.[0]?.Id, f.RecordState])).toEqual([[`arn:aws:iam::${caller}:root`, 'ACTIVE']]);
  }, 180_000);

  it('reopens an archived finding when a later scan reports it failing again', async () => {
    const r = await push('scan-1');
    expect(r.stderr).toContain('0 new, 51 updated, 100 reopened, 0 archived (resolved), 0 failed');
    const eu = await hub('eu-west-1');
    expect(eu.filter((f) => f.RecordState === 'ACTIVE')).toHaveLength(150);
  }, 180_000);
});
