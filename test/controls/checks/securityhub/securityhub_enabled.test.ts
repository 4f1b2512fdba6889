import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { memoryDb } from '../../../support/db.js';
import { checkFindings, seed } from '../../../support/checks.js';

const id = 'securityhub_enabled';
const account = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const hub = (region: string, enabled: boolean) => ({ region, hub_arn: `arn:aws:securityhub:${region}:${account}:hub/default`, enabled });

describe(id, () => {
  it('passes when Security Hub is enabled in every scanned region', async () => {
    await seed(db, 'aws_regions', [{ region: 'us-east-1' }, { region: 'eu-west-1' }]);
    await seed(db, 'aws_securityhub_hubs', [hub('us-east-1', true), hub('eu-west-1', true)]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails a region where it is not enabled and one with no collected state', async () => {
    await seed(db, 'aws_regions', [{ region: 'us-east-1', partition: 'aws' }, { region: 'eu-west-1', partition: 'aws' }, { region: 'ap-south-1', partition: 'aws' }]);
    await seed(db, 'aws_securityhub_hubs', [hub('us-east-1', true), hub('eu-west-1', false)]);
    const rows = await checkFindings(db, id);
    expect(rows.sort((a, b) => String(a.region).localeCompare(String(b.region)))).toEqual([
      { resource_id: `arn:aws:securityhub:ap-south-1:${account}`, account_id: account, region: 'ap-south-1', reason: 'Security Hub state was not collected for ap-south-1' },
      { resource_id: `arn:aws:securityhub:eu-west-1:${account}`, account_id: account, region: 'eu-west-1', reason: 'Security Hub is not enabled in eu-west-1' },
    ]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
