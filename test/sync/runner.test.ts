import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../sync/runner.js';
import { SyncSetupError } from '../../sync/errors.js';
import { memoryDb } from '../support/db.js';
import { startMoto, testCredentials, type Moto } from '../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

describe('runSync', () => {
  it('records the caller account and the scanned regions of its own partition only', async () => {
    const db = await memoryDb();
    const result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, collectors: [] });
    expect(result.accounts).toEqual(['123456789012']);
    expect(result.regions).toContain('us-east-1');
    expect(result.regions.some((r) => r.startsWith('cn-') || r.startsWith('us-gov-'))).toBe(false);
    const accounts = await db.all('SELECT account_id, partition, arn FROM aws_accounts');
    expect(accounts).toEqual([{ account_id: '123456789012', partition: 'aws', arn: 'arn:aws:::123456789012' }]);
    const regions = await db.all<{ n: number }>('SELECT count(*) AS n FROM aws_regions');
    expect(regions[0]!.n).toBe(result.regions.length);
    const run = await db.one<{ status: string; accounts: string[] }>('SELECT status, accounts FROM sync_runs WHERE id = ?', [result.runId]);
    expect(run).toEqual({ status: 'ok', accounts: ['123456789012'] });
  });

  it('refuses an unknown region and lists the valid ones', async () => {
    const db = await memoryDb();
    const attempt = runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, collectors: [], regions: ['us-east-1', 'mars-north-1'] });
    await expect(attempt).rejects.toBeInstanceOf(SyncSetupError);
    await expect(attempt).rejects.toThrow(/mars-north-1.*Valid regions for this account: .*eu-west-1/);
  });

  it('reports missing credentials as a setup error that says what to do', async () => {
    const db = await memoryDb();
    const attempt = runSync({ db, credentials: async () => { throw new Error('Could not load credentials from any providers'); }, endpoint: moto.endpoint, collectors: [] });
    await expect(attempt).rejects.toThrow(/cannot identify the AWS caller.*Configure credentials/);
  });
});
