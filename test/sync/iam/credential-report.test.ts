import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialReportCollector } from '../../../sync/iam/credential-report.js';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
  await new IAMClient(motoClientConfig(moto)).send(new CreateUserCommand({ UserName: 'dana' }));
});
afterAll(async () => {
  await moto?.stop();
});

describe('credential report collection', () => {
  // moto answers STARTED to the first GenerateCredentialReport and COMPLETE afterwards, as AWS does.
  it('gives up with a sync error that says to retry when the report is not ready in time', async () => {
    const db = await memoryDb();
    const result = await runSync({ db, collectors: [credentialReportCollector({ timeoutMs: 0 })], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials });
    expect(result.errors).toEqual([expect.objectContaining({ service: 'iam', table: 'aws_iam_credential_report', message: expect.stringMatching(/still STARTED after 0 s; run the sync again/) })]);
    db.close();
  });

  it('polls until the report is COMPLETE, then stores it', async () => {
    await moto.reset();
    await new IAMClient(motoClientConfig(moto)).send(new CreateUserCommand({ UserName: 'erin' }));
    const db = await memoryDb();
    const waits: number[] = [];
    const collector = credentialReportCollector({ sleep: async (ms) => void waits.push(ms) });
    const result = await runSync({ db, collectors: [collector], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials });
    expect(result.errors).toEqual([]);
    expect(waits).toEqual([250]);
    expect(await db.all('SELECT "user", is_root FROM aws_iam_credential_report')).toEqual([{ user: 'erin', is_root: false }]);
    db.close();
  });
});
