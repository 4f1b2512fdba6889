import { CreateRepositoryCommand, ECRClient, PutLifecyclePolicyCommand } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const policy = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }, action: { type: 'expire' } }] });

beforeAll(async () => {
  moto = await startMoto();
  const ecr = new ECRClient(motoClientConfig(moto, 'us-east-1'));
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'api', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true } }));
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'worker' }));
  await ecr.send(new PutLifecyclePolicyCommand({ repositoryName: 'api', lifecyclePolicyText: policy }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['ecr'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('ecr repositories collector', () => {
  it('writes each repository with tag mutability, scanning and its lifecycle policy (absent is a fact, not an error)', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, arn, name, image_tag_mutability, scan_on_push, scan_frequency, has_lifecycle_policy, lifecycle_policy_text FROM aws_ecr_repositories ORDER BY name');
    // scan_frequency is what moto answers to BatchGetRepositoryScanningConfiguration: always MANUAL (it does not
    // model registry scanning rules or the repository flag); the checks' tests cover the other frequencies.
    expect(rows).toEqual([
      { region: 'us-east-1', arn: `arn:aws:ecr:us-east-1:${account}:repository/api`, name: 'api', image_tag_mutability: 'IMMUTABLE', scan_on_push: true, scan_frequency: 'MANUAL', has_lifecycle_policy: true, lifecycle_policy_text: policy },
      { region: 'us-east-1', arn: `arn:aws:ecr:us-east-1:${account}:repository/worker`, name: 'worker', image_tag_mutability: 'MUTABLE', scan_on_push: false, scan_frequency: 'MANUAL', has_lifecycle_policy: false, lifecycle_policy_text: null },
    ]);
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_ecr_repositories' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});
