import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

// Issue 16: calls per bucket. AWS answers a paginated ListBuckets with each bucket's BucketRegion, so the sync asks
// for pages (MaxBuckets) and needs no GetBucketLocation. moto ignores that and never sends BucketRegion: the
// first case adds it to moto's answer (a canned field, the one thing moto cannot express), the second shows the
// GetBucketLocation fallback moto needs. The configuration calls per bucket remain: AWS has no list form for a
// bucket's policy, versioning, public access block, logging, encryption or ACL (the buckets collector), nor for its
// replication, lifecycle, notifications, Object Ownership or Object Lock (one collector each, so that a refused call
// spoils only its own table). The six bucket-reading collectors share one ListBuckets per account and, only where
// ListBuckets does not name the region (moto), one GetBucketLocation per bucket (SyncContext.shared).
let moto: Moto;
const buckets = ['calls-a', 'calls-b', 'calls-c'];
beforeAll(async () => {
  moto = await startMoto();
  const s3 = new S3Client(motoClientConfig(moto));
  for (const b of buckets) await s3.send(new CreateBucketCommand({ Bucket: b }));
});
afterAll(async () => {
  await moto?.stop();
});

type Mw = (next: (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>, context: { commandName?: string }) => (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;

function s3Calls(withBucketRegion: boolean) {
  const calls = new Map<string, number>();
  const inputs: Array<Record<string, unknown>> = [];
  const mw: Mw = (next, context) => async (args) => {
    const name = (context.commandName ?? '').replace(/Command$/, '');
    calls.set(name, (calls.get(name) ?? 0) + 1);
    const result = await next(args);
    if (context.commandName !== ListBucketsCommand.name) return result;
    inputs.push(args.input);
    if (!withBucketRegion) return result;
    const listed = (result.output.Buckets as Array<Record<string, unknown>>) ?? [];
    return { ...result, output: { ...result.output, Buckets: listed.map((b) => ({ ...b, BucketRegion: 'us-east-1' })) } };
  };
  const configure = (client: unknown, service: string) => {
    if (service === 'S3') (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(mw, { step: 'initialize', name: 'countS3' });
  };
  return { calls, inputs, configure };
}

const sync = async (configureClient: (client: unknown, service: string) => void) => {
  const db = await memoryDb();
  const result = await runSync({ db, services: ['s3'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, configureClient });
  const n = await db.one<{ n: number }>('SELECT count(*) AS n FROM aws_s3_buckets');
  db.close();
  return { result, rows: n!.n };
};

describe('S3 calls per bucket', () => {
  it('asks ListBuckets for pages and skips GetBucketLocation when AWS names each bucket region', async () => {
    const s3 = s3Calls(true);
    const { result, rows } = await sync(s3.configure);
    expect(result.errors).toEqual([]);
    expect(rows).toBe(3);
    // One paginated ListBuckets for the buckets collector and the five settings collectors together.
    expect(s3.inputs).toEqual([expect.objectContaining({ MaxBuckets: 10_000 })]);
    expect(s3.calls.get('GetBucketLocation') ?? 0).toBe(0);
    for (const op of [
      'GetBucketPolicy', 'GetBucketVersioning', 'GetPublicAccessBlock', 'GetBucketLogging', 'GetBucketEncryption', 'GetBucketAcl',
      'GetBucketReplication', 'GetBucketLifecycleConfiguration', 'GetBucketNotificationConfiguration', 'GetBucketOwnershipControls', 'GetObjectLockConfiguration',
    ]) {
      expect(s3.calls.get(op), op).toBe(buckets.length);
    }
  });

  it('falls back to GetBucketLocation per bucket when ListBuckets does not name the region (moto)', async () => {
    const s3 = s3Calls(false);
    const { result } = await sync(s3.configure);
    expect(result.errors).toEqual([]);
    // Once per bucket, shared by the six bucket-reading collectors.
    expect(s3.calls.get('GetBucketLocation')).toBe(buckets.length);
  });
});
