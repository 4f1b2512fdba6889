import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const acct = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const regions = (...names: string[]) => seed(db, 'aws_regions', names.map((region) => ({ account_id: acct, region, partition: 'aws', opt_in_status: 'opt-in-not-required' })));
const analyzer = (region: string, name: string, type: string, status: string) => ({ account_id: acct, region, arn: `arn:aws:access-analyzer:${region}:${acct}:analyzer/${name}`, name, type, status });

describe('accessanalyzer_enabled_all_regions', () => {
  it('fails each scanned region without an analyzer and passes a region with an ACTIVE one', async () => {
    await regions('us-east-1', 'eu-west-1', 'ap-south-1');
    await seed(db, 'aws_accessanalyzer_analyzers', [analyzer('us-east-1', 'external', 'ACCOUNT', 'ACTIVE')]);
    const rows = await checkFindings(db, 'accessanalyzer_enabled_all_regions');
    expect(rows.map((r) => [r.resource_id, r.region, r.reason]).sort()).toEqual([
      [`arn:aws:access-analyzer:ap-south-1:${acct}`, 'ap-south-1', 'No IAM Access Analyzer in ap-south-1'],
      [`arn:aws:access-analyzer:eu-west-1:${acct}`, 'eu-west-1', 'No IAM Access Analyzer in eu-west-1'],
    ]);
  });

  it('fails a region whose only analyzers are disabled or look for unused access', async () => {
    await regions('us-east-1', 'us-west-2');
    await seed(db, 'aws_accessanalyzer_analyzers', [
      analyzer('us-east-1', 'unused', 'ACCOUNT_UNUSED_ACCESS', 'ACTIVE'),
      analyzer('us-west-2', 'broken', 'ORGANIZATION', 'FAILED'),
    ]);
    const rows = await checkFindings(db, 'accessanalyzer_enabled_all_regions');
    expect(rows.map((r) => r.reason).sort()).toEqual([
      'No ACTIVE external-access analyzer in us-east-1 (found: unused (ACCOUNT_UNUSED_ACCESS, ACTIVE))',
      'No ACTIVE external-access analyzer in us-west-2 (found: broken (ORGANIZATION, FAILED))',
    ]);
  });

  it('passes when an organization analyzer is ACTIVE in every scanned region, ignoring regions not scanned', async () => {
    await regions('us-east-1');
    await seed(db, 'aws_accessanalyzer_analyzers', [analyzer('us-east-1', 'org', 'ORGANIZATION', 'ACTIVE'), analyzer('eu-north-1', 'x', 'ACCOUNT', 'DISABLED')]);
    expect(await checkFindings(db, 'accessanalyzer_enabled_all_regions')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'accessanalyzer_enabled_all_regions')).toEqual([]);
  });
});
