import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const arn = (name: string) => `arn:aws:appsync:us-east-1:111111111111:apis/${name}`;

describe('appsync_graphql_api_field_logging_enabled', () => {
  const check = 'appsync_graphql_api_field_logging_enabled';
  const api = (name: string, logConfigured: boolean | null, level: string | null) => ({ arn: arn(name), api_id: name, name, log_configured: logConfigured, field_log_level: level });

  it('fails an API without a logging configuration, one logging no fields, and one whose configuration was not reported', async () => {
    await seed(db, 'aws_appsync_graphql_apis', [api('a-nolog', false, null), api('b-none', true, 'NONE'), api('c-unknown', null, null), api('d-errors', true, 'ERROR')]);
    expect((await checkFindings(db, check)).map((r) => [r.api, r.reason])).toEqual([
      ['a-nolog', 'GraphQL API a-nolog has no logging configuration: field-level logging is off'],
      ['b-none', 'GraphQL API b-none logs no field-level activity (fieldLogLevel NONE)'],
      ['c-unknown', 'The logging configuration of GraphQL API c-unknown was not reported: field-level logging cannot be shown to be on (sync again)'],
    ]);
  });

  it('passes an API logging fields at ERROR, INFO, DEBUG or ALL', async () => {
    await seed(db, 'aws_appsync_graphql_apis', [api('e', true, 'ERROR'), api('i', true, 'INFO'), api('d', true, 'DEBUG'), api('a', true, 'ALL')]);
    expect(await checkFindings(db, check)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, check)).toEqual([]);
  });
});

describe('appsync_api_cache_encrypted_at_rest', () => {
  const check = 'appsync_api_cache_encrypted_at_rest';
  const cache = (name: string, configured: boolean | null, atRest: boolean | null) => ({ api_arn: arn(name), api_id: name, api_name: name, cache_configured: configured, at_rest_encryption_enabled: atRest });

  it('fails a cache not encrypted at rest, one whose setting was not reported, and an API whose cache could not be read', async () => {
    await seed(db, 'aws_appsync_api_caches', [cache('a-plain', true, false), cache('b-unknown', true, null), cache('c-unread', null, null), cache('d-sealed', true, true)]);
    expect((await checkFindings(db, check)).map((r) => [r.api, r.reason])).toEqual([
      ['a-plain', 'The cache of GraphQL API a-plain is not encrypted at rest'],
      ['b-unknown', 'The at-rest encryption of the cache of GraphQL API b-unknown was not reported (sync again)'],
      ['c-unread', 'The cache of GraphQL API c-unread could not be read: it cannot be shown to be encrypted at rest (sync again)'],
    ]);
  });

  it('passes an encrypted cache and leaves an API without a cache out', async () => {
    await seed(db, 'aws_appsync_api_caches', [cache('sealed', true, true), cache('uncached', false, null)]);
    expect(await checkFindings(db, check)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, check)).toEqual([]);
  });
});
