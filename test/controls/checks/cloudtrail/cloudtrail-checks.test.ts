import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { memoryDb } from '../../../support/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { bucketPolicyColumns } from '../../../../sync/s3/buckets.js';

const account = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const accountRow = { arn: `arn:aws:::${account}`, partition: 'aws' };
function trail(name: string, over: Row = {}): Row {
  return {
    arn: `arn:aws:cloudtrail:us-east-1:${account}:trail/${name}`,
    name,
    home_region: 'us-east-1',
    is_multi_region: true,
    is_logging: true,
    include_management_events: true,
    read_write_type: 'All',
    excluded_management_event_sources: [],
    log_file_validation_enabled: true,
    kms_key_id: `arn:aws:kms:us-east-1:${account}:key/1234`,
    s3_bucket_name: 'trail-logs',
    cloudwatch_logs_log_group_arn: `arn:aws:logs:us-east-1:${account}:log-group:trail:*`,
    s3_object_write_arns: [],
    s3_object_read_arns: [],
    ...over,
  };
}
const trailArn = (name: string) => `arn:aws:cloudtrail:us-east-1:${account}:trail/${name}`;

describe('cloudtrail_multi_region_enabled', () => {
  const id = 'cloudtrail_multi_region_enabled';
  it('passes an account with a multi-region, logging trail recording all management events', async () => {
    await seed(db, 'aws_accounts', [accountRow]);
    await seed(db, 'aws_cloudtrail_trails', [trail('main'), trail('local', { is_multi_region: false })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails an account without any trail', async () => {
    await seed(db, 'aws_accounts', [accountRow]);
    expect(await checkFindings(db, id)).toEqual([{ resource_id: `arn:aws:iam::${account}:root`, account_id: account, region: 'global', reason: 'No CloudTrail trail', trails: null }]);
  });

  it('fails a trail whose GetEventSelectors answer held no selector: read literally, it records nothing', async () => {
    await seed(db, 'aws_accounts', [accountRow]);
    await seed(db, 'aws_cloudtrail_trails', [
      trail('main', { selectors_source: 'none', include_management_events: false, read_write_type: null, event_selectors: [], advanced_event_selectors: [] }),
    ]);
    expect((await checkFindings(db, id)).map((r) => r.reason)).toEqual([
      'No trail is multi-region, logging and recording all read and write management events (main: GetEventSelectors returned no event selector, so it records no events)',
    ]);
  });

  it('names the partition of the account in the resource id', async () => {
    await seed(db, 'aws_accounts', [{ arn: `arn:aws-us-gov:::${account}`, partition: 'aws-us-gov' }]);
    expect((await checkFindings(db, id)).map((r) => r.resource_id)).toEqual([`arn:aws-us-gov:iam::${account}:root`]);
  });

  it('fails and says what each trail lacks: single-region, stopped, write-only, excluded sources', async () => {
    await seed(db, 'aws_accounts', [accountRow]);
    await seed(db, 'aws_cloudtrail_trails', [
      trail('a-local', { is_multi_region: false }),
      trail('b-stopped', { is_logging: false }),
      trail('c-writes', { read_write_type: 'WriteOnly' }),
      trail('d-no-kms', { excluded_management_event_sources: ['kms.amazonaws.com'] }),
      trail('e-data-only', { include_management_events: false, read_write_type: null }),
    ]);
    const rows = await checkFindings(db, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reason).toBe(
      'No trail is multi-region, logging and recording all read and write management events (' +
        'a-local: single-region; b-stopped: not logging; c-writes: records WriteOnly management events only; ' +
        'd-no-kms: excludes management events of kms.amazonaws.com; e-data-only: records no management events)',
    );
    expect(rows[0]!.trails).toHaveLength(5);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('cloudtrail_log_file_validation_enabled', () => {
  const id = 'cloudtrail_log_file_validation_enabled';
  it('fails a trail without log file validation and passes one with it', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('good'), trail('bad', { log_file_validation_enabled: false })]);
    expect(await checkFindings(db, id)).toEqual([
      { resource_id: trailArn('bad'), account_id: account, region: 'us-east-1', reason: 'Trail bad does not write signed digest files (log file validation is off)', trail_name: 'bad' },
    ]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('cloudtrail_kms_encryption_enabled', () => {
  const id = 'cloudtrail_kms_encryption_enabled';
  it('fails a trail without a KMS key and passes one with it', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('good'), trail('bad', { kms_key_id: null })]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.reason])).toEqual([[trailArn('bad'), 'Trail bad log files are encrypted with SSE-S3, not a KMS key']]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('cloudtrail_cloudwatch_logs_integrated', () => {
  const id = 'cloudtrail_cloudwatch_logs_integrated';
  // moto never reports a delivery time or error: these GetTrailStatus facts are seeded as AWS would store them.
  it('passes a trail that delivered an hour before the sync without error', async () => {
    const now = Date.now();
    await seed(db, 'aws_cloudtrail_trails', [trail('recent', { latest_cloudwatch_logs_delivery_time: new Date(now - 3600_000), synced_at: new Date(now) })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('judges the age against the time the data was collected, not the time of evaluation', async () => {
    const collected = new Date('2024-01-10T12:00:00Z');
    await seed(db, 'aws_cloudtrail_trails', [trail('old-sync', { latest_cloudwatch_logs_delivery_time: new Date('2024-01-10T06:00:00Z'), synced_at: collected })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails a trail with no log group, one that never delivered, one two days stale and one reporting an error', async () => {
    const now = Date.now();
    await seed(db, 'aws_cloudtrail_trails', [
      trail('recent', { latest_cloudwatch_logs_delivery_time: new Date(now - 3600_000), synced_at: new Date(now) }),
      trail('never', { latest_cloudwatch_logs_delivery_time: null }),
      trail('none', { cloudwatch_logs_log_group_arn: null }),
      trail('stale', { latest_cloudwatch_logs_delivery_time: new Date(now - 2 * 86400_000), synced_at: new Date(now) }),
      trail('broken', { latest_cloudwatch_logs_delivery_time: new Date(now - 3600_000), latest_cloudwatch_logs_delivery_error: 'AccessDenied', synced_at: new Date(now) }),
    ]);
    const rows = await checkFindings(db, id);
    const reason = (name: string) => rows.find((r) => r.resource_id === trailArn(name))?.reason;
    expect(rows.map((r) => r.resource_id).sort()).toEqual([trailArn('broken'), trailArn('never'), trailArn('none'), trailArn('stale')]);
    expect(reason('none')).toBe('Trail none does not deliver to CloudWatch Logs');
    expect(reason('never')).toBe('Trail never has never delivered to CloudWatch Logs (GetTrailStatus reports no delivery)');
    expect(reason('broken')).toBe('Trail broken reports a CloudWatch Logs delivery error: AccessDenied');
    expect(reason('stale')).toMatch(/^Trail stale last delivered to CloudWatch Logs at .* UTC, more than a day before the sync$/);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

const servicePolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::trail-logs/*' }] };
const privateBucket: Row = {
  name: 'trail-logs',
  arn: 'arn:aws:s3:::trail-logs',
  region: 'us-east-1',
  policy: servicePolicy,
  ...bucketPolicyColumns(servicePolicy, 'arn:aws:s3:::trail-logs'),
  acl_grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'abc' }, Permission: 'FULL_CONTROL' }],
  public_access_block_configured: false,
  logging_target_bucket: 'access-logs',
};
const allUsersGrant = { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' };
const publicStatement = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::trail-logs/*' };
/** The trail bucket with another policy, its derived columns computed by the sync's own code. */
const withPolicy = (policy: unknown): Row => ({ ...privateBucket, policy, ...bucketPolicyColumns(policy, 'arn:aws:s3:::trail-logs') });

describe('cloudtrail_bucket_not_public', () => {
  const id = 'cloudtrail_bucket_not_public';
  const reasons = async () => (await checkFindings(db, id)).map((r) => r.reason);

  it('passes a trail bucket with a service-only policy and a private ACL', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('main')]);
    await seed(db, 'aws_s3_buckets', [privateBucket]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails a trail bucket whose ACL grants AllUsers', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('main')]);
    await seed(db, 'aws_s3_buckets', [{ ...privateBucket, acl_grants: [allUsersGrant] }]);
    expect(await reasons()).toEqual(['Trail bucket trail-logs ACL grants access to AllUsers or AuthenticatedUsers']);
  });

  it('fails a trail bucket whose policy allows Principal * (single statement object, AWS form)', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('main')]);
    await seed(db, 'aws_s3_buckets', [withPolicy({ Statement: { ...publicStatement, Principal: { AWS: '*' } } })]);
    expect(await reasons()).toEqual(['Trail bucket trail-logs policy allows anyone (statement #1) with no condition narrowing who can call']);
  });

  it('passes a Principal * statement limited by a condition on the caller', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('main')]);
    await seed(db, 'aws_s3_buckets', [withPolicy({ Statement: [{ ...publicStatement, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-123' } } }] })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails a Principal * statement whose condition narrows nothing (unrelated key, wildcard value, negative operator)', async () => {
    for (const Condition of [
      { Bool: { 'aws:SecureTransport': 'true' } },
      { StringLike: { 'aws:PrincipalArn': '*' } },
      { StringNotEquals: { 'aws:SourceAccount': '111111111111' } },
      {},
    ]) {
      await db.run('DELETE FROM aws_s3_buckets');
      await db.run('DELETE FROM aws_cloudtrail_trails');
      await seed(db, 'aws_cloudtrail_trails', [trail('main')]);
      await seed(db, 'aws_s3_buckets', [withPolicy({ Statement: [{ ...publicStatement, Sid: 'Open', Condition }] })]);
      expect(await reasons(), JSON.stringify(Condition)).toEqual(['Trail bucket trail-logs policy allows anyone (statement Open) with no condition narrowing who can call']);
    }
  });

  it('fails a trail bucket whose policy could not be analysed', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('main')]);
    await seed(db, 'aws_s3_buckets', [{ ...privateBucket, policy_is_public: null }]);
    expect(await reasons()).toEqual(['Trail bucket trail-logs policy could not be read or analysed, so its exposure cannot be shown: sync again']);
  });

  it('passes public grants that account-level Block Public Access neutralises', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('main')]);
    await seed(db, 'aws_s3_buckets', [{ ...withPolicy({ Statement: [publicStatement] }), acl_grants: [allUsersGrant] }]);
    await seed(db, 'aws_s3_account_public_access_blocks', [{ configured: true, block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: true }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails a trail whose bucket is in no synced account, saying why', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('main', { s3_bucket_name: 'central-logs' })]);
    expect(await reasons()).toEqual(['Trail main writes to bucket central-logs, which is in no synced account: its exposure cannot be shown (sync the account that owns it)']);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('cloudtrail_bucket_access_logging_enabled', () => {
  const id = 'cloudtrail_bucket_access_logging_enabled';
  it('passes a trail bucket with access logging, even when owned by another synced account', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('main')]);
    await seed(db, 'aws_s3_buckets', [{ ...privateBucket, account_id: '999999999999' }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('fails a trail bucket with access logging off', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('main')]);
    await seed(db, 'aws_s3_buckets', [{ ...privateBucket, logging_target_bucket: null }]);
    expect(await checkFindings(db, id)).toEqual([
      { resource_id: trailArn('main'), account_id: account, region: 'us-east-1', reason: 'Trail bucket trail-logs has server access logging off', trail_name: 'main', s3_bucket_name: 'trail-logs' },
    ]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe.each([
  ['cloudtrail_s3_object_write_events', 's3_object_write_arns', 'write'],
  ['cloudtrail_s3_object_read_events', 's3_object_read_arns', 'read'],
])('%s', (id, column, kind) => {
  it('passes an account whose multi-region logging trail records the events for all buckets', async () => {
    await seed(db, 'aws_accounts', [accountRow]);
    await seed(db, 'aws_cloudtrail_trails', [trail('main', { [column]: ['arn:aws:s3:::'] })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('fails when only named buckets are recorded', async () => {
    await seed(db, 'aws_accounts', [accountRow]);
    await seed(db, 'aws_cloudtrail_trails', [trail('main', { [column]: ['arn:aws:s3:::trail-logs/'] })]);
    expect((await checkFindings(db, id)).map((r) => r.reason)).toEqual([`No trail records S3 object-level ${kind} events for all buckets`]);
  });

  it('fails when the trail recording all buckets is single-region or stopped', async () => {
    await seed(db, 'aws_accounts', [accountRow]);
    await seed(db, 'aws_cloudtrail_trails', [trail('local', { [column]: ['arn:aws:s3:::'], is_multi_region: false }), trail('stopped', { [column]: ['arn:aws:s3:::'], is_logging: false })]);
    expect((await checkFindings(db, id)).map((r) => r.reason)).toEqual([`The trails recording S3 object-level ${kind} events for all buckets are not multi-region and logging (local, stopped)`]);
  });

  it('fails an account with no trail, named by the account principal (docs/resource-ids.md)', async () => {
    await seed(db, 'aws_accounts', [accountRow]);
    expect((await checkFindings(db, id)).map((r) => r.resource_id)).toEqual([`arn:aws:iam::${account}:root`]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
