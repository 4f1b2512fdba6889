import {
  CreateBucketCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutObjectLockConfigurationCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateAccessPointCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateBenchmark } from '../../../controls/engine.js';
import { runSync } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

const regions = ['us-east-1', 'eu-west-1'];
const account = '123456789012';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
beforeEach(async () => {
  await moto.reset();
});
afterAll(async () => {
  await moto?.stop();
});

/**
 * calabi-src (us-east-1) has every setting: versioning, replication to calabi-dst in eu-west-1, an enabled lifecycle
 * rule, a queue notification, ACLs disabled and Object Lock with a default retention. calabi-dst has none of them.
 */
async function seed(): Promise<void> {
  const use1 = new S3Client(motoClientConfig(moto, 'us-east-1'));
  const euw1 = new S3Client(motoClientConfig(moto, 'eu-west-1'));
  await use1.send(new CreateBucketCommand({ Bucket: 'calabi-src', ObjectLockEnabledForBucket: true }));
  await use1.send(new PutBucketVersioningCommand({ Bucket: 'calabi-src', VersioningConfiguration: { Status: 'Enabled' } }));
  await euw1.send(new CreateBucketCommand({ Bucket: 'calabi-dst', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  await euw1.send(new PutBucketVersioningCommand({ Bucket: 'calabi-dst', VersioningConfiguration: { Status: 'Enabled' } }));
  await use1.send(
    new PutBucketReplicationCommand({
      Bucket: 'calabi-src',
      ReplicationConfiguration: {
        Role: `arn:aws:iam::${account}:role/replication`,
        Rules: [
          { ID: 'to-eu', Status: 'Enabled', Priority: 1, Filter: { Prefix: '' }, DeleteMarkerReplication: { Status: 'Disabled' }, Destination: { Bucket: 'arn:aws:s3:::calabi-dst' } },
          { ID: 'off', Status: 'Disabled', Priority: 2, Filter: { Prefix: 'old/' }, DeleteMarkerReplication: { Status: 'Disabled' }, Destination: { Bucket: 'arn:aws:s3:::calabi-elsewhere' } },
        ],
      },
    }),
  );
  await use1.send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: 'calabi-src',
      LifecycleConfiguration: {
        Rules: [
          { ID: 'expire-noncurrent', Status: 'Enabled', Filter: { Prefix: '' }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
          { ID: 'paused', Status: 'Disabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 1 } },
        ],
      },
    }),
  );
  await use1.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: 'calabi-src',
      NotificationConfiguration: {
        QueueConfigurations: [{ QueueArn: `arn:aws:sqs:us-east-1:${account}:uploads`, Events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'] }],
      },
    }),
  );
  await use1.send(new PutBucketOwnershipControlsCommand({ Bucket: 'calabi-src', OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
  await use1.send(
    new PutObjectLockConfigurationCommand({
      Bucket: 'calabi-src',
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 7 } } },
    }),
  );
}

const sync = async (configureClient?: (client: unknown, serviceName: string) => void) => {
  const db = await memoryDb();
  const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['s3'], regions, configureClient });
  return { db, result };
};

/** Fault injection (moto cannot refuse one call on one bucket): `command` on `bucket` answers AccessDenied, as AWS does without the permission. */
const deny = (command: string, bucket: string) => (client: unknown, serviceName: string) => {
  if (serviceName !== 'S3') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: { Bucket?: string } }) => Promise<unknown>, context: { commandName?: string }) => (args: { input: { Bucket?: string } }) =>
      context.commandName === `${command}Command` && args.input.Bucket === bucket
        ? Promise.reject(Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }))
        : next(args),
    { step: 'initialize', name: 'deny' },
  );
};

describe('S3 per-bucket settings against moto', () => {
  it('reads replication, lifecycle, notifications, ownership and Object Lock of each bucket in its own region', async () => {
    await seed();
    const { db, result } = await sync();
    expect(result.errors).toEqual([]);

    expect(await db.all('SELECT name, region, configured, role, rule_count, enabled_rule_count, enabled_destination_buckets FROM aws_s3_bucket_replication ORDER BY name')).toEqual([
      { name: 'calabi-dst', region: 'eu-west-1', configured: false, role: null, rule_count: 0, enabled_rule_count: 0, enabled_destination_buckets: [] },
      { name: 'calabi-src', region: 'us-east-1', configured: true, role: `arn:aws:iam::${account}:role/replication`, rule_count: 2, enabled_rule_count: 1, enabled_destination_buckets: ['arn:aws:s3:::calabi-dst'] },
    ]);
    expect(await db.all(`SELECT name, configured, rule_count, enabled_rule_count, rules->>'$[0].ID' AS first_rule FROM aws_s3_bucket_lifecycle ORDER BY name`)).toEqual([
      { name: 'calabi-dst', configured: false, rule_count: 0, enabled_rule_count: 0, first_rule: null },
      { name: 'calabi-src', configured: true, rule_count: 2, enabled_rule_count: 1, first_rule: 'expire-noncurrent' },
    ]);
    expect(await db.all('SELECT name, topic_count, queue_count, lambda_function_count, eventbridge_enabled, destination_arns, event_types FROM aws_s3_bucket_notifications ORDER BY name')).toEqual([
      { name: 'calabi-dst', topic_count: 0, queue_count: 0, lambda_function_count: 0, eventbridge_enabled: false, destination_arns: [], event_types: [] },
      { name: 'calabi-src', topic_count: 0, queue_count: 1, lambda_function_count: 0, eventbridge_enabled: false, destination_arns: [`arn:aws:sqs:us-east-1:${account}:uploads`], event_types: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'] },
    ]);
    expect(await db.all('SELECT name, configured, object_ownership FROM aws_s3_bucket_ownership_controls ORDER BY name')).toEqual([
      { name: 'calabi-dst', configured: false, object_ownership: 'ObjectWriter' },
      { name: 'calabi-src', configured: true, object_ownership: 'BucketOwnerEnforced' },
    ]);
    // moto 5.2.1 answers Years 0 beside Days (AWS sends one of the two, each positive).
    expect(await db.all('SELECT name, object_lock_enabled, default_retention_mode, default_retention_days, default_retention_years FROM aws_s3_bucket_object_lock ORDER BY name')).toEqual([
      { name: 'calabi-dst', object_lock_enabled: false, default_retention_mode: null, default_retention_days: null, default_retention_years: null },
      { name: 'calabi-src', object_lock_enabled: true, default_retention_mode: 'GOVERNANCE', default_retention_days: 7, default_retention_years: 0 },
    ]);

    // The checks read these rows as synced: calabi-src passes each, calabi-dst fails each (S3.10 judges versioned buckets).
    const failing = async (check: string) => (await checkFindings(db, check)).map((r) => r.bucket);
    for (const check of ['s3_bucket_cross_region_replication_enabled', 's3_bucket_versioned_lifecycle_policy', 's3_bucket_lifecycle_policy_enabled', 's3_bucket_event_notifications_enabled', 's3_bucket_acls_disabled', 's3_bucket_object_lock_enabled']) {
      expect(await failing(check), check).toEqual(['calabi-dst']);
    }
    db.close();
  }, 60_000);

  it('reads every access point of every region with its Block Public Access settings', async () => {
    await seed();
    const control = (region: string) => new S3ControlClient({ ...motoClientConfig(moto, region), endpointProvider: () => ({ url: new URL(moto.endpoint) }) });
    await control('us-east-1').send(
      new CreateAccessPointCommand({
        AccountId: account,
        Name: 'calabi-open',
        Bucket: 'calabi-src',
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
      }),
    );
    // moto 5.2.1 keeps access points per account, not per region: ListAccessPoints in each region answers all of them,
    // and every ARN names us-east-1. The collector keeps an access point only in the region its ARN names, so each
    // appears once (without that, twice).
    await control('eu-west-1').send(new CreateAccessPointCommand({ AccountId: account, Name: 'calabi-closed', Bucket: 'calabi-dst' }));
    const { db, result } = await sync();
    expect(result.errors).toEqual([]);
    expect(
      await db.all('SELECT name, region, bucket, network_origin, block_public_acls, ignore_public_acls, block_public_policy, restrict_public_buckets FROM aws_s3_access_points ORDER BY name'),
    ).toEqual([
      // AWS turns all four settings on for an access point created without them.
      { name: 'calabi-closed', region: 'us-east-1', bucket: 'calabi-dst', network_origin: 'Internet', block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: true },
      { name: 'calabi-open', region: 'us-east-1', bucket: 'calabi-src', network_origin: 'Internet', block_public_acls: true, ignore_public_acls: true, block_public_policy: false, restrict_public_buckets: false },
    ]);
    expect((await checkFindings(db, 's3_access_point_public_access_blocked')).map((r) => r.access_point)).toEqual(['calabi-open']);
    db.close();
  }, 60_000);

  it('puts only the table of a refused call in error, so only its control reports ERROR and never PASS', async () => {
    await seed();
    const { db, result } = await sync(deny('GetBucketReplication', 'calabi-src'));
    expect(result.errors.map((e) => [e.operation, e.table, e.resourceId, e.code])).toEqual([
      ['GetBucketReplication', 'aws_s3_bucket_replication', 'arn:aws:s3:::calabi-src', 'AccessDenied'],
    ]);
    expect(await db.all('SELECT name FROM aws_s3_bucket_replication ORDER BY name')).toEqual([{ name: 'calabi-dst' }]);
    expect(await db.all(`SELECT table_name, status FROM sync_scopes WHERE starts_with(table_name, 'aws_s3_bucket_') ORDER BY table_name`)).toEqual([
      { table_name: 'aws_s3_bucket_lifecycle', status: 'ok' },
      { table_name: 'aws_s3_bucket_notifications', status: 'ok' },
      { table_name: 'aws_s3_bucket_object_lock', status: 'ok' },
      { table_name: 'aws_s3_bucket_ownership_controls', status: 'ok' },
      { table_name: 'aws_s3_bucket_replication', status: 'error' },
    ]);
    const report = await evaluateBenchmark({ db, benchmarkId: 'aws-fsbp' });
    const status = (id: string) => report.controls.find((c) => c.id === id)!.status;
    expect(status('S3.7')).toBe('ERROR');
    expect(status('S3.13')).toBe('FAIL');
    db.close();
  }, 60_000);

  it('keeps an access point whose GetAccessPoint was refused with unknown settings, and S3.19 reports ERROR', async () => {
    await seed();
    const control = new S3ControlClient({ ...motoClientConfig(moto, 'us-east-1'), endpointProvider: () => ({ url: new URL(moto.endpoint) }) });
    await control.send(new CreateAccessPointCommand({ AccountId: account, Name: 'calabi-hidden', Bucket: 'calabi-src' }));
    // Fault injection: moto cannot refuse one call, so GetAccessPoint answers AccessDenied as AWS does without s3:GetAccessPoint.
    const denyGetAccessPoint = (client: unknown, serviceName: string) => {
      if (serviceName !== 'S3Control') return;
      (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) =>
          context.commandName === 'GetAccessPointCommand'
            ? Promise.reject(Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }))
            : next(args),
        { step: 'initialize', name: 'denyGetAccessPoint' },
      );
    };
    const { db, result } = await sync(denyGetAccessPoint);
    const arn = `arn:aws:s3:us-east-1:${account}:accesspoint/calabi-hidden`;
    expect(result.errors.map((e) => [e.operation, e.table, e.resourceId, e.code])).toEqual([['GetAccessPoint', 'aws_s3_access_points', arn, 'AccessDenied']]);
    expect(await db.all('SELECT name, bucket, block_public_acls, ignore_public_acls, block_public_policy, restrict_public_buckets FROM aws_s3_access_points')).toEqual([
      { name: 'calabi-hidden', bucket: 'calabi-src', block_public_acls: null, ignore_public_acls: null, block_public_policy: null, restrict_public_buckets: null },
    ]);
    const report = await evaluateBenchmark({ db, benchmarkId: 'aws-fsbp' });
    expect(report.controls.find((c) => c.id === 'S3.19')!.status).toBe('ERROR');
    db.close();
  }, 60_000);

  it('reads EventBridge delivery, which AWS reports as an empty EventBridgeConfiguration element', async () => {
    const use1 = new S3Client(motoClientConfig(moto, 'us-east-1'));
    await use1.send(new CreateBucketCommand({ Bucket: 'calabi-events' }));
    const { db, result } = await sync(awsEventBridgeAnswer('calabi-events'));
    expect(result.errors).toEqual([]);
    expect(await db.all('SELECT name, topic_count, queue_count, lambda_function_count, eventbridge_enabled FROM aws_s3_bucket_notifications')).toEqual([
      { name: 'calabi-events', topic_count: 0, queue_count: 0, lambda_function_count: 0, eventbridge_enabled: true },
    ]);
    expect(await checkFindings(db, 's3_bucket_event_notifications_enabled')).toEqual([]);
    db.close();
  }, 60_000);
});

/**
 * Canned: moto 5.2.1 drops EventBridgeConfiguration (it answers an empty NotificationConfiguration), so the HTTP
 * answer to GetBucketNotificationConfiguration on `bucket` is AWS's own XML for a bucket with EventBridge on; every
 * other request goes to moto. The SDK's real deserializer reads it.
 */
function awsEventBridgeAnswer(bucket: string) {
  type Handler = { handle: (req: { method?: string; hostname?: string; path?: string; query?: Record<string, unknown> }, opts?: unknown) => Promise<unknown> };
  const patched = new WeakSet<object>();
  const xml = '<?xml version="1.0" encoding="UTF-8"?><NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><EventBridgeConfiguration></EventBridgeConfiguration></NotificationConfiguration>';
  return (client: unknown, serviceName: string) => {
    if (serviceName !== 'S3') return;
    const handler = (client as { config: { requestHandler: Handler } }).config.requestHandler;
    if (patched.has(handler)) return;
    patched.add(handler);
    const handle = handler.handle.bind(handler);
    handler.handle = async (req, opts) => {
      // Path-style (/bucket/, as against moto) or virtual-hosted (bucket.host/) addressing.
      const forBucket = req.path === `/${bucket}/` || req.path === `/${bucket}` || (req.path === '/' && req.hostname?.startsWith(`${bucket}.`));
      if (req.method === 'GET' && forBucket && req.query && 'notification' in req.query) {
        // An HTTP response as the SDK's handlers return it (the SDK recognises it by its shape).
        return { response: { statusCode: 200, headers: { 'content-type': 'application/xml' }, body: Readable.from([Buffer.from(xml)]) } };
      }
      return handle(req, opts);
    };
  };
}
