import { CreateKeyCommand, DisableKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { rotationApplies } from '../../../sync/kms/keys.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const ids: Record<string, string> = {};

beforeAll(async () => {
  moto = await startMoto();
  const east = new KMSClient(motoClientConfig(moto, 'us-east-1'));
  ids.rotated = (await east.send(new CreateKeyCommand({ Description: 'rotated' }))).KeyMetadata!.KeyId!;
  await east.send(new EnableKeyRotationCommand({ KeyId: ids.rotated }));
  ids.unrotated = (await east.send(new CreateKeyCommand({ Description: 'unrotated' }))).KeyMetadata!.KeyId!;
  ids.asymmetric = (await east.send(new CreateKeyCommand({ Description: 'signing', KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata!.KeyId!;
  ids.disabled = (await east.send(new CreateKeyCommand({ Description: 'disabled' }))).KeyMetadata!.KeyId!;
  await east.send(new DisableKeyCommand({ KeyId: ids.disabled }));
  ids.west = (await new KMSClient(motoClientConfig(moto, 'eu-west-1')).send(new CreateKeyCommand({ Description: 'west' }))).KeyMetadata!.KeyId!;
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['kms'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('kms keys collector', () => {
  it('describes every key of each region', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all<{ region: string; n: number }>('SELECT region, count(*)::INTEGER AS n FROM aws_kms_keys GROUP BY region ORDER BY region');
    expect(rows).toEqual([
      { region: 'eu-west-1', n: 1 },
      { region: 'us-east-1', n: 4 },
    ]);
  });

  // moto omits KeyUsage when it was not given at creation (AWS always returns it); the column stays as answered.
  it('asks rotation only of enabled customer symmetric keys, so asymmetric and disabled keys stay NULL', async () => {
    const rows = await db.all(
      `SELECT description, key_manager, key_state, key_spec, key_usage, origin, enabled, rotation_enabled, arn LIKE 'arn:aws:kms:%:key/' || key_id AS arn_ok, raw->>'$.KeyId' = key_id AS raw_ok
       FROM aws_kms_keys WHERE region = 'us-east-1' ORDER BY description`,
    );
    expect(rows).toEqual([
      { description: 'disabled', key_manager: 'CUSTOMER', key_state: 'Disabled', key_spec: 'SYMMETRIC_DEFAULT', key_usage: null, origin: 'AWS_KMS', enabled: false, rotation_enabled: null, arn_ok: true, raw_ok: true },
      { description: 'rotated', key_manager: 'CUSTOMER', key_state: 'Enabled', key_spec: 'SYMMETRIC_DEFAULT', key_usage: null, origin: 'AWS_KMS', enabled: true, rotation_enabled: true, arn_ok: true, raw_ok: true },
      { description: 'signing', key_manager: 'CUSTOMER', key_state: 'Enabled', key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY', origin: 'AWS_KMS', enabled: true, rotation_enabled: null, arn_ok: true, raw_ok: true },
      { description: 'unrotated', key_manager: 'CUSTOMER', key_state: 'Enabled', key_spec: 'SYMMETRIC_DEFAULT', key_usage: null, origin: 'AWS_KMS', enabled: true, rotation_enabled: false, arn_ok: true, raw_ok: true },
    ]);
  });

  it('never asks rotation of AWS-managed or imported keys (moto cannot create them)', () => {
    const base = { KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: 'Enabled', Origin: 'AWS_KMS' } as const;
    expect(rotationApplies({ ...base, KeyId: 'a' })).toBe(true);
    expect(rotationApplies({ ...base, KeyId: 'a', KeyManager: 'AWS' })).toBe(false);
    expect(rotationApplies({ ...base, KeyId: 'a', Origin: 'EXTERNAL' })).toBe(false);
    expect(rotationApplies({ ...base, KeyId: 'a', KeySpec: 'HMAC_256' })).toBe(false);
  });
});
