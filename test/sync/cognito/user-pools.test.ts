import { CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;

beforeAll(async () => {
  moto = await startMoto();
  const idp = new CognitoIdentityProviderClient(motoClientConfig(moto, 'us-east-1'));
  await idp.send(new CreateUserPoolCommand({ PoolName: 'customers', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' }, MfaConfiguration: 'OFF' }));
  await idp.send(new CreateUserPoolCommand({ PoolName: 'staff', UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } }));
  await idp.send(new CreateUserPoolCommand({ PoolName: 'legacy' }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['cognito'], regions: ['us-east-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('Cognito user pools collector', () => {
  it('writes each user pool with its threat protection mode', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      `SELECT name, advanced_security_mode, configuration_read, arn = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/' || user_pool_id AS arn_ok
       FROM aws_cognito_user_pools ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: 'customers', advanced_security_mode: 'ENFORCED', configuration_read: true, arn_ok: true },
      { name: 'legacy', advanced_security_mode: null, configuration_read: true, arn_ok: true },
      { name: 'staff', advanced_security_mode: 'AUDIT', configuration_read: true, arn_ok: true },
    ]);
  });

  it('fails the audit-only and unprotected pools under FSBP Cognito.1 on the synced rows', async () => {
    const reasons = (await checkFindings(db, 'cognito_user_pool_threat_protection_enforced')).map((r) => r.reason).sort();
    expect(reasons).toEqual(['Cognito user pool legacy has no threat protection', 'Cognito user pool staff has threat protection in mode AUDIT, not ENFORCED']);
  });
});
