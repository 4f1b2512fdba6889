import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLoggingCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

const regions = ['us-east-1', 'eu-west-1'];
const denyHttp = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyPlainHttp',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::calabi-data', 'arn:aws:s3:::calabi-data/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
};

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

async function seedBuckets(): Promise<void> {
  const use1 = new S3Client(motoClientConfig(moto, 'us-east-1'));
  const euw1 = new S3Client(motoClientConfig(moto, 'eu-west-1'));
  await use1.send(new CreateBucketCommand({ Bucket: 'calabi-logs' }));
  // Server access logging needs a target bucket that grants the log delivery group write access.
  const logDelivery = 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"';
  await use1.send(new PutBucketAclCommand({ Bucket: 'calabi-logs', GrantWrite: logDelivery, GrantReadACP: logDelivery }));
  await use1.send(new CreateBucketCommand({ Bucket: 'calabi-data' }));
  await use1.send(new PutBucketPolicyCommand({ Bucket: 'calabi-data', Policy: JSON.stringify(denyHttp) }));
  await use1.send(
    new PutPublicAccessBlockCommand({
      Bucket: 'calabi-data',
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    }),
  );
  await use1.send(new PutBucketLoggingCommand({ Bucket: 'calabi-data', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'calabi-logs', TargetPrefix: 'data/' } } }));
  await use1.send(
    new PutBucketEncryptionCommand({
      Bucket: 'calabi-data',
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/data' }, BucketKeyEnabled: true }] },
    }),
  );
  await use1.send(new PutBucketVersioningCommand({ Bucket: 'calabi-data', VersioningConfiguration: { Status: 'Enabled' } }));
  await euw1.send(new CreateBucketCommand({ Bucket: 'calabi-eu', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
}

describe('S3 collectors against moto', () => {
  it('reads every bucket in its own region with policy, block, logging, encryption, versioning and ACL', async () => {
    await seedBuckets();
    const s3control = new S3ControlClient({ ...motoClientConfig(moto), endpointProvider: () => ({ url: new URL(moto.endpoint) }) });
    await s3control.send(
      new PutAccountPublicAccessBlockCommand({
        AccountId: '123456789012',
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false },
      }),
    );
    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['s3'], regions });
    expect(result.errors).toEqual([]);
    expect(await db.all('SELECT * FROM sync_errors')).toEqual([]);

    const rows = await db.all(
      `SELECT name, region, arn, policy->>'$.Statement[0].Sid' AS sid, versioning_status, mfa_delete,
              block_public_acls, ignore_public_acls, block_public_policy, restrict_public_buckets, public_access_block_configured,
              logging_target_bucket, logging_target_prefix, encryption_algorithm, kms_key_id, bucket_key_enabled,
              owner_id IS NOT NULL AS has_owner, acl_grants::VARCHAR LIKE '%acs.amazonaws.com/groups/s3/LogDelivery%' AS grants_log_delivery, raw->>'$.bucket.Name' AS raw_name,
              creation_date IS NOT NULL AS dated
       FROM aws_s3_buckets ORDER BY name`,
    );
    const base = { mfa_delete: false, has_owner: true, dated: true };
    expect(rows).toEqual([
      {
        ...base, name: 'calabi-data', region: 'us-east-1', arn: 'arn:aws:s3:::calabi-data', sid: 'DenyPlainHttp', versioning_status: 'Enabled',
        block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: true, public_access_block_configured: true,
        logging_target_bucket: 'calabi-logs', logging_target_prefix: 'data/', encryption_algorithm: 'aws:kms', kms_key_id: 'alias/data', bucket_key_enabled: true,
        grants_log_delivery: false, raw_name: 'calabi-data',
      },
      {
        ...base, name: 'calabi-eu', region: 'eu-west-1', arn: 'arn:aws:s3:::calabi-eu', sid: null, versioning_status: null,
        block_public_acls: null, ignore_public_acls: null, block_public_policy: null, restrict_public_buckets: null, public_access_block_configured: false,
        logging_target_bucket: null, logging_target_prefix: null, encryption_algorithm: null, kms_key_id: null, bucket_key_enabled: null,
        grants_log_delivery: false, raw_name: 'calabi-eu',
      },
      {
        ...base, name: 'calabi-logs', region: 'us-east-1', arn: 'arn:aws:s3:::calabi-logs', sid: null, versioning_status: null,
        block_public_acls: null, ignore_public_acls: null, block_public_policy: null, restrict_public_buckets: null, public_access_block_configured: false,
        logging_target_bucket: null, logging_target_prefix: null, encryption_algorithm: null, kms_key_id: null, bucket_key_enabled: null,
        grants_log_delivery: true, raw_name: 'calabi-logs',
      },
    ]);
    // "Not configured" is a fact: the policy column is SQL NULL, and the raw object says the same.
    const eu = await db.one<{ policy_is_null: boolean; raw_policy: string | null }>(
      `SELECT policy IS NULL AS policy_is_null, raw->>'$.policy' AS raw_policy FROM aws_s3_buckets WHERE name = 'calabi-eu'`,
    );
    expect(eu).toEqual({ policy_is_null: true, raw_policy: null });

    // The policy facts are derived once at sync time; no policy is a fact too (not public, no denial).
    expect(
      await db.all(
        `SELECT name, policy_normalized->'$.Statement[0].Principal' AS principal, policy_normalized->'$.Statement[0].Condition' AS cond,
                policy_is_public, public_statements, denies_insecure_transport, insecure_transport_denied_for
         FROM aws_s3_buckets ORDER BY name`,
      ),
    ).toEqual([
      { name: 'calabi-data', principal: '{"AWS":["*"]}', cond: '{"bool":{"aws:securetransport":["false"]}}', policy_is_public: false, public_statements: [], denies_insecure_transport: true, insecure_transport_denied_for: ['bucket', 'objects'] },
      { name: 'calabi-eu', principal: null, cond: null, policy_is_public: false, public_statements: [], denies_insecure_transport: false, insecure_transport_denied_for: [] },
      { name: 'calabi-logs', principal: null, cond: null, policy_is_public: false, public_statements: [], denies_insecure_transport: false, insecure_transport_denied_for: [] },
    ]);

    expect(await db.all('SELECT account_id, region, configured, block_public_acls, ignore_public_acls, block_public_policy, restrict_public_buckets FROM aws_s3_account_public_access_blocks')).toEqual([
      { account_id: '123456789012', region: 'global', configured: true, block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: false },
    ]);

    // The S3 checks read these rows as synced: only calabi-data is locked down.
    const failing = async (check: string) => (await checkFindings(db, check)).map((r) => r.bucket);
    expect(await failing('s3_bucket_denies_http')).toEqual(['calabi-eu', 'calabi-logs']);
    expect(await failing('s3_bucket_public_access_blocked')).toEqual(['calabi-eu', 'calabi-logs']);
    expect(await failing('s3_bucket_default_encryption')).toEqual(['calabi-eu', 'calabi-logs']);
    // moto never returns MFADelete, so every bucket fails here.
    expect(await failing('s3_bucket_mfa_delete_enabled')).toEqual(['calabi-data', 'calabi-eu', 'calabi-logs']);
  }, 60_000);

  it('writes an account row saying nothing is blocked when the account has no public access block', async () => {
    const db = await memoryDb();
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['s3'], regions });
    expect(result.errors).toEqual([]);
    expect(await db.all('SELECT count(*) AS n FROM aws_s3_buckets')).toEqual([{ n: 0 }]);
    expect(await db.all('SELECT account_id, configured, block_public_acls FROM aws_s3_account_public_access_blocks')).toEqual([
      { account_id: '123456789012', configured: false, block_public_acls: null },
    ]);
  }, 60_000);

  it('records a failed per-bucket call and still writes the bucket with what was read', async () => {
    await seedBuckets();
    const db = await memoryDb();
    // Fault injection: moto cannot deny one call on one bucket, so GetBucketAcl on calabi-eu answers AccessDenied.
    const denyAcl = (client: unknown, serviceName: string) => {
      if (serviceName !== 'S3') return;
      (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
        (next: (args: { input: { Bucket?: string } }) => Promise<unknown>, context: { commandName?: string }) => (args: { input: { Bucket?: string } }) => {
          if (context.commandName === 'GetBucketAclCommand' && args.input.Bucket === 'calabi-eu') {
            return Promise.reject(Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
          }
          return next(args);
        },
        { step: 'initialize', name: 'denyGetBucketAcl' },
      );
    };
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['s3'], regions, configureClient: denyAcl });
    expect(result.errors.map((e) => [e.operation, e.resourceId, e.code])).toEqual([['GetBucketAcl', 'arn:aws:s3:::calabi-eu', 'AccessDenied']]);
    expect(await db.one(`SELECT region, acl_grants, owner_id, public_access_block_configured FROM aws_s3_buckets WHERE name = 'calabi-eu'`)).toEqual({
      region: 'eu-west-1',
      acl_grants: null,
      owner_id: null,
      public_access_block_configured: false,
    });
    const scope = await db.one<{ status: string }>(`SELECT status FROM sync_scopes WHERE table_name = 'aws_s3_buckets'`);
    expect(scope!.status).toBe('error');
    expect(await db.one('SELECT count(*) AS n FROM aws_s3_buckets')).toEqual({ n: 3 });
  }, 60_000);

  it('leaves out a bucket deleted between ListBuckets and its own calls, without an error', async () => {
    await seedBuckets();
    const db = await memoryDb();
    // Fault injection: every per-bucket call on calabi-eu answers NoSuchBucket, as AWS does after a deletion.
    const deleted = (client: unknown, serviceName: string) => {
      if (serviceName !== 'S3') return;
      (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
        (next: (args: { input: { Bucket?: string } }) => Promise<unknown>, context: { commandName?: string }) => (args: { input: { Bucket?: string } }) =>
          context.commandName !== 'ListBucketsCommand' && args.input.Bucket === 'calabi-eu'
            ? Promise.reject(Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } }))
            : next(args),
        { step: 'initialize', name: 'bucketDeleted' },
      );
    };
    const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['s3'], regions, configureClient: deleted });
    expect(result.errors).toEqual([]);
    expect(await db.all('SELECT name FROM aws_s3_buckets ORDER BY name')).toEqual([{ name: 'calabi-data' }, { name: 'calabi-logs' }]);
  }, 60_000);
});
