import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { checkFindings, seed } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';

/**
 * docs/resource-ids.md: account-level findings are the account principal, arn:<partition>:iam::<account>:root;
 * region-level findings are arn:<partition>:<service>:<region>:<account>. The partition comes from the data, so a
 * GovCloud account gets aws-us-gov ids. With nothing configured, every one of these checks fails every account or
 * region, so each id shape is seen.
 */
const accountLevel = [
  'iam_root_hardware_mfa_enabled', 'iam_root_mfa_enabled', 'iam_root_no_access_keys',
  'iam_password_policy_min_length_14', 'iam_password_policy_prevents_reuse', 'iam_support_role_exists',
  's3_account_public_access_blocked', 'cloudtrail_trail_logging_enabled',
];
const regionLevel: Record<string, string> = {
  ec2_ebs_encryption_by_default: 'ec2',
  config_recorder_enabled_all_regions: 'config',
  securityhub_enabled: 'securityhub',
  accessanalyzer_enabled_all_regions: 'access-analyzer',
  guardduty_enabled_all_regions: 'guardduty',
  guardduty_s3_protection_enabled: 'guardduty',
  guardduty_rds_protection_enabled: 'guardduty',
};

const commercial = '111111111111';
const gov = '222222222222';
let db: Database;

beforeEach(async () => {
  db?.close();
  db = await memoryDb();
  await seed(db, 'aws_accounts', [
    { account_id: commercial, arn: `arn:aws:::${commercial}`, partition: 'aws' },
    { account_id: gov, arn: `arn:aws-us-gov:::${gov}`, partition: 'aws-us-gov' },
  ]);
  await seed(db, 'aws_regions', [
    { account_id: commercial, region: 'us-east-1', partition: 'aws' },
    { account_id: commercial, region: 'eu-west-1', partition: 'aws' },
    { account_id: gov, region: 'us-gov-west-1', partition: 'aws-us-gov' },
  ]);
});

describe('resource ids of account- and region-level findings', () => {
  it.each(accountLevel)('%s names the account principal of its partition', async (id) => {
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.account_id, r.region]).sort()).toEqual([
      [`arn:aws-us-gov:iam::${gov}:root`, gov, 'global'],
      [`arn:aws:iam::${commercial}:root`, commercial, 'global'],
    ]);
  });

  it.each(Object.entries(regionLevel))('%s names the region setting as arn:<partition>:%s:<region>:<account>', async (id, service) => {
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.account_id, r.region]).sort()).toEqual([
      [`arn:aws-us-gov:${service}:us-gov-west-1:${gov}`, gov, 'us-gov-west-1'],
      [`arn:aws:${service}:eu-west-1:${commercial}`, commercial, 'eu-west-1'],
      [`arn:aws:${service}:us-east-1:${commercial}`, commercial, 'us-east-1'],
    ]);
  });

  it('gives the same ids on every evaluation, so findings diff and join across scans', async () => {
    for (const id of [...accountLevel, ...Object.keys(regionLevel)]) {
      const ids = async () => (await checkFindings(db, id)).map((r) => String(r.resource_id)).sort();
      expect(await ids(), id).toEqual(await ids());
    }
  });
});
