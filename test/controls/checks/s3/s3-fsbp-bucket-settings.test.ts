import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

// FSBP S3.7, .10, .11, .12, .13, .15 and .19 over the per-bucket settings tables. A bucket with no row in the
// settings table (its call failed: the sync put the table in error) must never pass.
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const bucket = (name: string, region = 'us-east-1', extra: Record<string, unknown> = {}) => ({ name, arn: `arn:aws:s3:::${name}`, region, ...extra });
const failing = async (id: string) => (await checkFindings(db, id)).map((r) => [r.access_point ?? r.bucket, r.reason]);

describe('s3_bucket_cross_region_replication_enabled', () => {
  const id = 's3_bucket_cross_region_replication_enabled';
  const replication = (name: string, region: string, extra: Record<string, unknown>) =>
    bucket(name, region, { configured: true, rule_count: 1, enabled_rule_count: 1, enabled_destination_buckets: [], ...extra });

  it('fails a bucket without replication, with only disabled rules, replicating within its region, to an unknown bucket, or not collected', async () => {
    await seed(db, 'aws_s3_buckets', [
      bucket('none'), bucket('disabled'), bucket('same'), bucket('same-dst'), bucket('unknown-dst'), bucket('unread'),
    ]);
    await seed(db, 'aws_s3_bucket_replication', [
      bucket('none', 'us-east-1', { configured: false, rule_count: 0, enabled_rule_count: 0, enabled_destination_buckets: [] }),
      replication('disabled', 'us-east-1', { enabled_rule_count: 0 }),
      replication('same', 'us-east-1', { enabled_destination_buckets: ['arn:aws:s3:::same-dst'] }),
      bucket('same-dst', 'us-east-1', { configured: false, rule_count: 0, enabled_rule_count: 0, enabled_destination_buckets: [] }),
      replication('unknown-dst', 'us-east-1', { enabled_destination_buckets: ['arn:aws:s3:::other-account-bucket'] }),
    ]);
    expect((await failing(id)).filter(([b]) => b !== 'same-dst')).toEqual([
      ['disabled', 'No replication rule of the bucket is enabled'],
      ['none', 'The bucket has no replication configuration'],
      ['same', 'Every enabled replication rule replicates within us-east-1'],
      ['unknown-dst', 'No enabled rule replicates to a bucket known to be in another region (not in the inventory: arn:aws:s3:::other-account-bucket)'],
      ['unread', 'The replication configuration of this bucket was not collected'],
    ]);
  });

  it('passes a bucket with an enabled rule to a bucket in another region, even beside a same-region rule', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('src'), bucket('eu-copy', 'eu-west-1'), bucket('local-copy')]);
    await seed(db, 'aws_s3_bucket_replication', [
      replication('src', 'us-east-1', { rule_count: 2, enabled_rule_count: 2, enabled_destination_buckets: ['arn:aws:s3:::eu-copy', 'arn:aws:s3:::local-copy'] }),
    ]);
    expect((await failing(id)).map(([b]) => b)).toEqual(['eu-copy', 'local-copy']);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('s3_bucket_lifecycle_policy_enabled and s3_bucket_versioned_lifecycle_policy', () => {
  const lifecycle = (name: string, rules: number, enabled: number) => bucket(name, 'us-east-1', { configured: rules > 0, rule_count: rules, enabled_rule_count: enabled });

  it('fails a bucket without a lifecycle configuration, with every rule disabled, or not collected', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('none'), bucket('disabled'), bucket('kept'), bucket('unread')]);
    await seed(db, 'aws_s3_bucket_lifecycle', [lifecycle('none', 0, 0), lifecycle('disabled', 2, 0), lifecycle('kept', 2, 1)]);
    expect(await failing('s3_bucket_lifecycle_policy_enabled')).toEqual([
      ['disabled', 'Every lifecycle rule of the bucket is disabled (2 rules)'],
      ['none', 'The bucket has no lifecycle configuration'],
      ['unread', 'The lifecycle configuration of this bucket was not collected'],
    ]);
  });

  it('judges only buckets whose versioning is Enabled for S3.10', async () => {
    await seed(db, 'aws_s3_buckets', [
      bucket('versioned-none', 'us-east-1', { versioning_status: 'Enabled' }),
      bucket('versioned-kept', 'us-east-1', { versioning_status: 'Enabled' }),
      bucket('versioned-unread', 'us-east-1', { versioning_status: 'Enabled' }),
      bucket('suspended-none', 'us-east-1', { versioning_status: 'Suspended' }),
      bucket('never-none'),
    ]);
    await seed(db, 'aws_s3_bucket_lifecycle', [
      lifecycle('versioned-none', 0, 0), lifecycle('versioned-kept', 1, 1), lifecycle('suspended-none', 0, 0), lifecycle('never-none', 0, 0),
    ]);
    expect(await failing('s3_bucket_versioned_lifecycle_policy')).toEqual([
      ['versioned-none', 'The bucket is versioned and has no lifecycle configuration'],
      ['versioned-unread', 'The lifecycle configuration of this versioned bucket was not collected'],
    ]);
  });

  it('passes a bucket with an enabled rule', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('kept', 'us-east-1', { versioning_status: 'Enabled' })]);
    await seed(db, 'aws_s3_bucket_lifecycle', [lifecycle('kept', 3, 1)]);
    expect(await checkFindings(db, 's3_bucket_lifecycle_policy_enabled')).toEqual([]);
    expect(await checkFindings(db, 's3_bucket_versioned_lifecycle_policy')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 's3_bucket_lifecycle_policy_enabled')).toEqual([]);
    expect(await checkFindings(db, 's3_bucket_versioned_lifecycle_policy')).toEqual([]);
  });
});

describe('s3_bucket_event_notifications_enabled', () => {
  const id = 's3_bucket_event_notifications_enabled';
  const notifications = (name: string, extra: Record<string, unknown> = {}) =>
    bucket(name, 'us-east-1', { topic_count: 0, queue_count: 0, lambda_function_count: 0, eventbridge_enabled: false, ...extra });

  it('fails a bucket without any destination, or not collected', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('quiet'), bucket('unread')]);
    await seed(db, 'aws_s3_bucket_notifications', [notifications('quiet')]);
    expect(await failing(id)).toEqual([
      ['quiet', 'The bucket sends no event notifications (no SNS, SQS, Lambda or EventBridge destination)'],
      ['unread', 'The event notification configuration of this bucket was not collected'],
    ]);
  });

  it('passes a bucket notifying a topic, a queue, a function or EventBridge', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('topic'), bucket('queue'), bucket('fn'), bucket('eb')]);
    await seed(db, 'aws_s3_bucket_notifications', [
      notifications('topic', { topic_count: 1 }), notifications('queue', { queue_count: 2 }), notifications('fn', { lambda_function_count: 1 }),
      notifications('eb', { eventbridge_enabled: true }),
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('s3_bucket_acls_disabled', () => {
  const id = 's3_bucket_acls_disabled';
  it('fails ObjectWriter (set or by default), BucketOwnerPreferred, an unreported value, and a bucket not collected', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('default'), bucket('writer'), bucket('preferred'), bucket('blank'), bucket('unread')]);
    await seed(db, 'aws_s3_bucket_ownership_controls', [
      bucket('default', 'us-east-1', { configured: false, object_ownership: 'ObjectWriter' }),
      bucket('writer', 'us-east-1', { configured: true, object_ownership: 'ObjectWriter' }),
      bucket('preferred', 'us-east-1', { configured: true, object_ownership: 'BucketOwnerPreferred' }),
      bucket('blank', 'us-east-1', { configured: true, object_ownership: null }),
    ]);
    expect(await failing(id)).toEqual([
      ['blank', 'AWS reported ownership controls without an Object Ownership value'],
      ['default', 'The bucket has no Object Ownership setting, so S3 applies ObjectWriter and ACLs grant access'],
      ['preferred', 'Object Ownership is BucketOwnerPreferred: ACLs still grant access'],
      ['unread', 'The Object Ownership setting of this bucket was not collected'],
      ['writer', 'Object Ownership is ObjectWriter: ACLs still grant access'],
    ]);
  });

  it('passes a bucket whose Object Ownership is BucketOwnerEnforced', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('enforced')]);
    await seed(db, 'aws_s3_bucket_ownership_controls', [bucket('enforced', 'us-east-1', { configured: true, object_ownership: 'BucketOwnerEnforced' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('s3_bucket_object_lock_enabled', () => {
  const id = 's3_bucket_object_lock_enabled';
  it('fails a bucket without Object Lock, or not collected', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('open'), bucket('unread')]);
    await seed(db, 'aws_s3_bucket_object_lock', [bucket('open', 'us-east-1', { object_lock_enabled: false })]);
    expect(await failing(id)).toEqual([
      ['open', 'Object Lock is not enabled on the bucket'],
      ['unread', 'The Object Lock configuration of this bucket was not collected'],
    ]);
  });

  it('passes Object Lock with or without a default retention', async () => {
    await seed(db, 'aws_s3_buckets', [bucket('locked'), bucket('retained')]);
    await seed(db, 'aws_s3_bucket_object_lock', [
      bucket('locked', 'us-east-1', { object_lock_enabled: true }),
      bucket('retained', 'us-east-1', { object_lock_enabled: true, default_retention_mode: 'COMPLIANCE', default_retention_years: 1 }),
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('s3_access_point_public_access_blocked', () => {
  const id = 's3_access_point_public_access_blocked';
  const on = { block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: true };
  const ap = (name: string, flags: Record<string, unknown>) => ({ name, arn: `arn:aws:s3:us-east-1:111111111111:accesspoint/${name}`, region: 'us-east-1', bucket: 'data', ...flags });

  it('fails an access point with any setting off, and one whose settings were not read', async () => {
    await seed(db, 'aws_s3_access_points', [ap('partial', { ...on, block_public_policy: false, restrict_public_buckets: false }), ap('unread', {}), ap('closed', on)]);
    expect(await failing(id)).toEqual([
      ['partial', 'Access point Block Public Access leaves off BlockPublicPolicy, RestrictPublicBuckets'],
      ['unread', 'The Block Public Access settings of this access point were not collected'],
    ]);
  });

  it('passes an access point with all four settings on', async () => {
    await seed(db, 'aws_s3_access_points', [ap('closed', on)]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
