import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const id = 'macie_enabled_all_regions';
const acct = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const region = (r: string) => ({ region: r, partition: 'aws' });
const session = (r: string, status: string) => ({ region: r, arn: `arn:aws:macie2:${r}:${acct}`, status, enabled: status === 'ENABLED' });

describe(id, () => {
  it('fails regions where Macie is not enabled, paused, or not collected', async () => {
    await seed(db, 'aws_regions', ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-south-1'].map(region));
    await seed(db, 'aws_macie_sessions', [session('us-east-1', 'ENABLED'), session('eu-west-1', 'NOT_ENABLED'), session('eu-central-1', 'PAUSED')]);
    expect((await checkFindings(db, id)).map((r) => [r.resource_id, r.reason])).toEqual([
      [`arn:aws:macie2:ap-south-1:${acct}`, 'Macie status was not collected for ap-south-1'],
      [`arn:aws:macie2:eu-central-1:${acct}`, 'Macie is paused in eu-central-1: no sensitive data discovery or jobs run'],
      [`arn:aws:macie2:eu-west-1:${acct}`, 'Macie is not enabled in eu-west-1'],
    ]);
  });

  it('passes when Macie is enabled in every scanned region', async () => {
    await seed(db, 'aws_regions', ['us-east-1', 'eu-west-1'].map(region));
    await seed(db, 'aws_macie_sessions', [session('us-east-1', 'ENABLED'), session('eu-west-1', 'ENABLED')]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
