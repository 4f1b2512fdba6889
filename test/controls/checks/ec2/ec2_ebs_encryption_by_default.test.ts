import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const acct = '111111111111';
const regions = (...names: string[]) => seed(db, 'aws_regions', names.map((region) => ({ account_id: acct, region, partition: 'aws', opt_in_status: 'opt-in-not-required' })));

describe('ec2_ebs_encryption_by_default', () => {
  it('fails each scanned region where it is off or was never read', async () => {
    await regions('us-east-1', 'eu-west-1', 'ap-south-1');
    await seed(db, 'aws_ec2_ebs_encryption_defaults', [
      { region: 'us-east-1', enabled: true, kms_key_id: 'alias/aws/ebs' },
      { region: 'eu-west-1', enabled: false },
    ]);
    const rows = await checkFindings(db, 'ec2_ebs_encryption_by_default');
    expect(rows.map((r) => [r.resource_id, r.region, r.reason])).toEqual([
      [`arn:aws:ec2:ap-south-1:${acct}`, 'ap-south-1', 'The EBS encryption-by-default setting of this region was not read'],
      [`arn:aws:ec2:eu-west-1:${acct}`, 'eu-west-1', 'EBS encryption by default is off: new volumes in this region are created unencrypted unless asked'],
    ]);
  });

  it('passes when every scanned region has it on, ignoring regions not scanned', async () => {
    await regions('us-east-1');
    await seed(db, 'aws_ec2_ebs_encryption_defaults', [
      { region: 'us-east-1', enabled: true },
      { region: 'eu-north-1', enabled: false },
    ]);
    expect(await checkFindings(db, 'ec2_ebs_encryption_by_default')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_ebs_encryption_by_default')).toEqual([]);
  });
});
