import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const role = `arn:aws:iam::${account}:role/eks`;
const key = `arn:aws:kms:us-east-1:${account}:key/11111111-2222-3333-4444-555555555555`;

beforeAll(async () => {
  moto = await startMoto();
  const eks = new EKSClient(motoClientConfig(moto, 'us-east-1'));
  await eks.send(new CreateClusterCommand({
    name: 'prod', roleArn: role, version: '1.31',
    resourcesVpcConfig: { subnetIds: ['subnet-1'], endpointPublicAccess: false, endpointPrivateAccess: true },
    encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: key } }],
    logging: { clusterLogging: [{ types: ['api', 'audit'], enabled: true }, { types: ['scheduler'], enabled: false }] },
  }));
  await eks.send(new CreateClusterCommand({
    name: 'dev', roleArn: role,
    resourcesVpcConfig: { subnetIds: ['subnet-1'], endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] },
    logging: { clusterLogging: [{ types: ['api'], enabled: true }] },
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['eks'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('eks clusters collector', () => {
  it('writes each cluster with endpoint access, secrets encryption and the enabled log types', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, arn, name, endpoint_public_access, public_access_cidrs, secrets_encryption_key_arn, enabled_log_types FROM aws_eks_clusters ORDER BY name');
    expect(rows).toEqual([
      { region: 'us-east-1', arn: `arn:aws:eks:us-east-1:${account}:cluster/dev`, name: 'dev', endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'], secrets_encryption_key_arn: null, enabled_log_types: ['api'] },
      { region: 'us-east-1', arn: `arn:aws:eks:us-east-1:${account}:cluster/prod`, name: 'prod', endpoint_public_access: false, public_access_cidrs: null, secrets_encryption_key_arn: key, enabled_log_types: ['api', 'audit'] },
    ]);
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_eks_clusters' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});
