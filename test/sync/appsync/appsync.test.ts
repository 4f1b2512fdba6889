import { AppSyncClient, CreateApiCacheCommand, CreateGraphqlApiCommand } from '@aws-sdk/client-appsync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const role = 'arn:aws:iam::123456789012:role/appsync-logs';

beforeAll(async () => {
  moto = await startMoto();
  const appsync = new AppSyncClient(motoClientConfig(moto, 'us-east-1'));
  const api = async (name: string, fieldLogLevel?: 'NONE' | 'ERROR' | 'ALL') =>
    (await appsync.send(new CreateGraphqlApiCommand({
      name, authenticationType: 'API_KEY', ...(fieldLogLevel ? { logConfig: { fieldLogLevel, cloudWatchLogsRoleArn: role } } : {}),
    }))).graphqlApi!.apiId!;
  const sealed = await api('sealed', 'ERROR');
  const plain = await api('plain', 'ALL');
  await api('silent', 'NONE');
  await api('unlogged');
  const cache = (apiId: string, atRestEncryptionEnabled: boolean) =>
    appsync.send(new CreateApiCacheCommand({ apiId, ttl: 300, apiCachingBehavior: 'FULL_REQUEST_CACHING', type: 'SMALL', atRestEncryptionEnabled, transitEncryptionEnabled: true }));
  await cache(sealed, true);
  await cache(plain, false);
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['appsync'], regions: ['us-east-1', 'eu-west-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('AppSync collectors', () => {
  it('writes each GraphQL API with its field log level, none without a logging configuration', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT name, region, log_configured, field_log_level, cloudwatch_logs_role_arn FROM aws_appsync_graphql_apis ORDER BY name');
    expect(rows).toEqual([
      { name: 'plain', region: 'us-east-1', log_configured: true, field_log_level: 'ALL', cloudwatch_logs_role_arn: role },
      { name: 'sealed', region: 'us-east-1', log_configured: true, field_log_level: 'ERROR', cloudwatch_logs_role_arn: role },
      { name: 'silent', region: 'us-east-1', log_configured: true, field_log_level: 'NONE', cloudwatch_logs_role_arn: role },
      { name: 'unlogged', region: 'us-east-1', log_configured: false, field_log_level: null, cloudwatch_logs_role_arn: null },
    ]);
  });

  it('writes each API’s cache and its encryption, and an API without a cache as the fact "no cache"', async () => {
    const rows = await db.all('SELECT api_name, cache_configured, at_rest_encryption_enabled, transit_encryption_enabled, cache_type FROM aws_appsync_api_caches ORDER BY api_name');
    expect(rows).toEqual([
      { api_name: 'plain', cache_configured: true, at_rest_encryption_enabled: false, transit_encryption_enabled: true, cache_type: 'SMALL' },
      { api_name: 'sealed', cache_configured: true, at_rest_encryption_enabled: true, transit_encryption_enabled: true, cache_type: 'SMALL' },
      { api_name: 'silent', cache_configured: false, at_rest_encryption_enabled: null, transit_encryption_enabled: null, cache_type: null },
      { api_name: 'unlogged', cache_configured: false, at_rest_encryption_enabled: null, transit_encryption_enabled: null, cache_type: null },
    ]);
  });

  it('fails the APIs without field-level logging, and only the cache not encrypted at rest', async () => {
    expect((await checkFindings(db, 'appsync_graphql_api_field_logging_enabled')).map((r) => r.api)).toEqual(['silent', 'unlogged']);
    expect((await checkFindings(db, 'appsync_api_cache_encrypted_at_rest')).map((r) => r.api)).toEqual(['plain']);
  });
});
