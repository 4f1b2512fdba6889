import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

// Issue 2: "the account itself (id, alias, organization membership)". The --organization test selects
// organization_id but never asserts it.
let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

const sync = async () => {
  const db = await memoryDb();
  const r = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, regions: ['us-east-1'], services: ['sns'] });
  expect(r.errors).toEqual([]);
  const rows = await db.all('SELECT account_id, organization_id, organization_master_account_id FROM aws_accounts');
  db.close();
  return rows;
};

describe('organization membership of the synced account', () => {
  it('is NULL for an account outside any organization, and names the organization and its management account once it joins', async () => {
    expect(await sync()).toEqual([{ account_id: '123456789012', organization_id: null, organization_master_account_id: null }]);
    const org = await new OrganizationsClient(motoClientConfig(moto)).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    expect(await sync()).toEqual([{ account_id: '123456789012', organization_id: org.Organization!.Id, organization_master_account_id: org.Organization!.MasterAccountId }]);
  });
});
