import { AthenaClient, CreateWorkGroupCommand } from '@aws-sdk/client-athena';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const key = 'arn:aws:kms:us-east-1:123456789012:key/athena';

beforeAll(async () => {
  moto = await startMoto();
  const athena = new AthenaClient(motoClientConfig(moto, 'us-east-1'));
  await athena.send(new CreateWorkGroupCommand({
    Name: 'analysts',
    Configuration: {
      EnforceWorkGroupConfiguration: true,
      ResultConfiguration: { OutputLocation: 's3://results/analysts/', EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: key } },
    },
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['athena'], regions: ['us-east-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('Athena workgroups collector', () => {
  it('writes each workgroup with its result encryption, the default primary one included', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT arn, name, state, encryption_option, kms_key, configuration_read, output_location FROM aws_athena_workgroups ORDER BY name');
    expect(rows).toEqual([
      { arn: 'arn:aws:athena:us-east-1:123456789012:workgroup/analysts', name: 'analysts', state: 'ENABLED', encryption_option: 'SSE_KMS', kms_key: key, configuration_read: true, output_location: 's3://results/analysts/' },
      // Every region has a primary workgroup; as AWS creates it, it encrypts nothing.
      { arn: 'arn:aws:athena:us-east-1:123456789012:workgroup/primary', name: 'primary', state: 'ENABLED', encryption_option: null, kms_key: null, configuration_read: true, output_location: null },
    ]);
  });

  it('fails the primary workgroup under FSBP Athena.1 on the synced rows', async () => {
    expect((await checkFindings(db, 'athena_workgroup_encrypted_at_rest')).map((r) => r.workgroup_name)).toEqual(['primary']);
  });
});
