import { CreateSecretCommand, RotateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;

beforeAll(async () => {
  moto = await startMoto();
  const sm = new SecretsManagerClient(motoClientConfig(moto, 'us-east-1'));
  await sm.send(new CreateSecretCommand({ Name: 'db-password', SecretString: 'not-read-by-calabi' }));
  await sm.send(new CreateSecretCommand({ Name: 'static-token', SecretString: 'not-read-by-calabi' }));
  // Rotation rules without a function: moto schedules rotation without invoking anything.
  await sm.send(new RotateSecretCommand({ SecretId: 'db-password', RotationRules: { AutomaticallyAfterDays: 30 }, RotateImmediately: false }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['secretsmanager'], regions: ['us-east-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('secretsmanager secrets collector: rotation and age', () => {
  it('stores rotation, its interval and the creation date the FSBP checks read', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      'SELECT name, rotation_enabled, rotation_interval_days, created_date IS NOT NULL AS has_created, created_date <= synced_at AS created_before_sync FROM aws_secretsmanager_secrets ORDER BY name',
    );
    expect(rows).toEqual([
      { name: 'db-password', rotation_enabled: true, rotation_interval_days: 30, has_created: true, created_before_sync: true },
      { name: 'static-token', rotation_enabled: false, rotation_interval_days: null, has_created: true, created_before_sync: true },
    ]);
  });
});
