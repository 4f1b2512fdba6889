import type { Database } from '../../../schema/db.js';
import { seedScan, type SeedFinding } from '../../../testkit/seed-scan.js';

/**
 * A CIS-like scan with failing findings in two accounts (one with a leading zero, as real account ids have), a
 * global IAM finding, a requirement in ERROR whose findings stand on data in doubt, and 150 bucket findings in one
 * region so the ASFF batches of 100 split.
 */
export const accountA = '012345678901';
export const accountB = '210987654321';

export const buckets = Array.from({ length: 150 }, (_, i) => `arn:aws:s3:::bucket-${String(i).padStart(3, '0')}`);

/** The two accounts, as a sync records them (aws_accounts gives each finding its partition). Once per database. */
export async function seedAccounts(db: Database): Promise<void> {
  await db.run(`INSERT INTO aws_accounts (account_id, region, arn, partition, synced_at, raw) VALUES
    ('${accountA}', 'global', 'arn:aws:::${accountA}', 'aws', now(), '{}'),
    ('${accountB}', 'global', 'arn:aws:::${accountB}', 'aws', now(), '{}')`);
}

export async function seedInteropScan(db: Database, id: string, options: { startedAt: string; buckets?: readonly string[] }): Promise<void> {
  const findings: SeedFinding[] = [
    { control: '1.8', resource: `arn:aws:iam::${accountA}:root`, account: accountA, region: 'global', reason: 'no password policy' },
    { control: '1.8', resource: `arn:aws:iam::${accountB}:root`, account: accountB, region: 'global', reason: 'minimum length 8' },
    ...(options.buckets ?? buckets).map((b) => ({ control: '2.1.1', resource: b, account: accountA, region: 'eu-west-1', reason: 'policy allows plain HTTP', evidence: { statement: 'none' } })),
    { control: '1.20', resource: `arn:aws:access-analyzer:eu-west-1:${accountA}`, account: accountA, region: 'eu-west-1', reason: 'no analyzer' },
  ];
  await seedScan(db, {
    id,
    startedAt: options.startedAt,
    controls: [
      { id: '1.4', title: 'Ensure no root user account access key exists', status: 'PASS', severity: 'critical', checks: ['iam_root_no_access_keys'] },
      { id: '1.8', title: 'Ensure IAM password policy requires minimum length of 14', status: 'FAIL', severity: 'medium', checks: ['iam_password_policy_min_length_14'] },
      { id: '2.1.1', title: 'Ensure S3 Bucket Policy is set to deny HTTP requests', status: 'FAIL', severity: 'high', checks: ['s3_bucket_denies_http'] },
      { id: '1.20', title: 'Ensure that IAM Access analyzer is enabled for all regions', status: 'ERROR', severity: 'medium', checks: ['accessanalyzer_enabled_all_regions'] },
    ],
    findings,
  });
}
