import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  S3Client,
  type Bucket,
} from '@aws-sdk/client-s3';
import type { Row } from '../../schema/db.js';
import { awsS3Buckets } from '../../schema/s3.js';
import { isAwsError } from '../errors.js';
import { bucketPolicyFacts } from '../policy/facts.js';
import { normalizePolicy } from '../policy/normalize.js';
import { crossAccountAllowedActions, publiclyAllowedActions, S3_CROSS_ACCOUNT_BLOCKED_ACTIONS, S3_READ_ACTIONS, S3_WRITE_ACTIONS } from '../policy/s3-access.js';
import type { Collector, SyncContext } from '../types.js';
import { accountBuckets, sharedBucketRegion, strip } from './bucket-list.js';

const table = awsS3Buckets.name;

/**
 * aws_s3_buckets: ListBuckets once per account (from the partition's home region), then every per-bucket call
 * in the bucket's own region. The "not configured" answers become NULL/false columns; any other failure of a
 * per-bucket call is an item error and the bucket's row is still written with what was read.
 */
export const bucketsCollector: Collector = {
  service: 's3',
  name: 'buckets',
  scope: 'global',
  tables: [awsS3Buckets],
  async collect(ctx) {
    const home = ctx.client(S3Client);
    const buckets = await accountBuckets(ctx, home);
    const rows = await ctx.map(buckets, (bucket) => collectBucket(ctx, home, bucket));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

/** One row, or null when the bucket was deleted between ListBuckets and its own calls (NoSuchBucket). */
async function collectBucket(ctx: SyncContext, home: S3Client, bucket: Bucket): Promise<Row | null> {
  const name = bucket.Name!;
  const arn = `arn:${ctx.partition}:s3:::${name}`;
  let gone = false;
  // The error keeps AWS's code for sync_errors; operation and bucket ARN say where it happened.
  const failed = (operation: string) => (error: unknown) => {
    if (isAwsError(error, 'NoSuchBucket')) gone = true;
    else ctx.itemError(error, { operation, table, resourceId: arn });
    return undefined;
  };
  // AWS names the region in ListBuckets (BucketRegion); moto does not, so ask GetBucketLocation then.
  const located = await sharedBucketRegion(ctx, home, bucket).catch(failed('GetBucketLocation'));
  const region = located?.region;
  const location: unknown = located?.location;
  if (gone) return null;
  // Without a region the bucket's settings cannot be read reliably: write what ListBuckets said.
  if (!region) {
    return { region: 'unknown', name, arn, creation_date: bucket.CreationDate ?? null, raw: { bucket } };
  }
  const s3 = ctx.client(S3Client, region);
  const notConfigured = (...codes: string[]) => (error: unknown) => {
    if (isAwsError(error, ...codes)) return null;
    throw error;
  };
  const [policy, versioning, pab, logging, encryption, acl] = await Promise.all([
    s3.send(new GetBucketPolicyCommand({ Bucket: name })).catch(notConfigured('NoSuchBucketPolicy')).catch(failed('GetBucketPolicy')),
    s3.send(new GetBucketVersioningCommand({ Bucket: name })).catch(failed('GetBucketVersioning')),
    s3.send(new GetPublicAccessBlockCommand({ Bucket: name })).catch(notConfigured('NoSuchPublicAccessBlockConfiguration')).catch(failed('GetPublicAccessBlock')),
    s3.send(new GetBucketLoggingCommand({ Bucket: name })).catch(failed('GetBucketLogging')),
    s3.send(new GetBucketEncryptionCommand({ Bucket: name }))
      .catch(notConfigured('ServerSideEncryptionConfigurationNotFoundError'))
      .catch(failed('GetBucketEncryption')),
    s3.send(new GetBucketAclCommand({ Bucket: name })).catch(failed('GetBucketAcl')),
  ]);

  if (gone) return null;
  let policyDocument: unknown = null;
  // undefined: the policy is unknown (the call failed or the text is unusable), so are the facts derived from it.
  let facts: BucketPolicyColumns | undefined = policy === undefined ? undefined : bucketPolicyColumns(null, arn);
  let access: BucketAccessColumns | undefined = policy === undefined ? undefined : bucketAccessColumns(null, ctx.accountId);
  if (policy?.Policy) {
    try {
      policyDocument = JSON.parse(policy.Policy);
      facts = bucketPolicyColumns(policyDocument, arn);
      access = bucketAccessColumns(policyDocument, ctx.accountId);
    } catch (cause) {
      facts = undefined;
      access = undefined;
      ctx.itemError(new Error(`bucket policy of ${name} cannot be read: ${cause instanceof Error ? cause.message : String(cause)}: ${policy.Policy.slice(0, 80)}`, { cause }), {
        operation: 'GetBucketPolicy',
        table,
        resourceId: arn,
      });
    }
  }
  const block = pab?.PublicAccessBlockConfiguration;
  const rule = encryption?.ServerSideEncryptionConfiguration?.Rules?.[0];
  const sse = rule?.ApplyServerSideEncryptionByDefault;
  // undefined = the call failed (unknown), null = AWS said "not configured".
  const pick = <T, R>(v: T | null | undefined, f: (x: T) => R, ifNone: R): R | null => (v === undefined ? null : v === null ? ifNone : f(v));
  return {
    region,
    name,
    arn,
    creation_date: bucket.CreationDate ?? null,
    policy: policyDocument,
    ...(facts ?? unknownPolicyColumns),
    ...(access ?? unknownAccessColumns),
    versioning_status: versioning?.Status ?? null,
    mfa_delete: versioning ? versioning.MFADelete === 'Enabled' : null,
    block_public_acls: block?.BlockPublicAcls ?? null,
    ignore_public_acls: block?.IgnorePublicAcls ?? null,
    block_public_policy: block?.BlockPublicPolicy ?? null,
    restrict_public_buckets: block?.RestrictPublicBuckets ?? null,
    public_access_block_configured: pick(pab, () => true, false),
    logging_target_bucket: logging?.LoggingEnabled?.TargetBucket ?? null,
    logging_target_prefix: logging?.LoggingEnabled ? (logging.LoggingEnabled.TargetPrefix ?? '') : null,
    encryption_algorithm: sse?.SSEAlgorithm ?? null,
    kms_key_id: sse?.KMSMasterKeyID ?? null,
    bucket_key_enabled: pick(encryption, () => rule?.BucketKeyEnabled ?? false, null),
    acl_grants: acl?.Grants ?? null,
    owner_id: acl?.Owner?.ID ?? null,
    raw: {
      bucket,
      location: location ?? { LocationConstraint: region },
      policy: policyDocument,
      versioning: versioning ? strip(versioning) : null,
      publicAccessBlock: block ?? null,
      logging: logging ? strip(logging) : null,
      encryption: encryption?.ServerSideEncryptionConfiguration ?? null,
      acl: acl ? strip(acl) : null,
    },
  };
}

type BucketPolicyColumns = Pick<Row, 'policy_normalized' | 'policy_is_public' | 'public_statements' | 'denies_insecure_transport' | 'insecure_transport_denied_for'>;
const unknownPolicyColumns: BucketPolicyColumns = { policy_normalized: null, policy_is_public: null, public_statements: null, denies_insecure_transport: null, insecure_transport_denied_for: null };

/**
 * The facts the checks read, derived once here from the policy (sync/policy): whether it is public, and
 * whether it denies plain HTTP on the bucket and its objects. No policy (null) is a fact: not public, no
 * denial. A document that cannot be normalised throws (the caller records it and stores unknowns).
 */
export function bucketPolicyColumns(document: unknown, bucketArn: string): BucketPolicyColumns {
  if (document === null) return { policy_normalized: null, policy_is_public: false, public_statements: [], denies_insecure_transport: false, insecure_transport_denied_for: [] };
  const f = bucketPolicyFacts(document, bucketArn);
  const covered = [...(f.deniesInsecureTransport.bucket ? ['bucket'] : []), ...(f.deniesInsecureTransport.objects ? ['objects'] : [])];
  return {
    policy_normalized: f.normalized,
    policy_is_public: f.isPublic,
    public_statements: f.publicStatements,
    denies_insecure_transport: covered.length === 2,
    insecure_transport_denied_for: covered,
  };
}

type BucketAccessColumns = Pick<Row, 'policy_public_read_actions' | 'policy_public_write_actions' | 'policy_cross_account_blocked_actions'>;
const unknownAccessColumns: BucketAccessColumns = { policy_public_read_actions: null, policy_public_write_actions: null, policy_cross_account_blocked_actions: null };

/**
 * Which read and write actions the policy grants to everyone, and which of S3.6's blocked actions it grants to
 * other accounts than the bucket owner's (sync/policy/s3-access). No policy (null) grants none.
 */
export function bucketAccessColumns(document: unknown, ownerAccount: string): BucketAccessColumns {
  if (document === null) return { policy_public_read_actions: [], policy_public_write_actions: [], policy_cross_account_blocked_actions: [] };
  const policy = normalizePolicy(document);
  return {
    policy_public_read_actions: publiclyAllowedActions(policy, S3_READ_ACTIONS),
    policy_public_write_actions: publiclyAllowedActions(policy, S3_WRITE_ACTIONS),
    policy_cross_account_blocked_actions: crossAccountAllowedActions(policy, ownerAccount, S3_CROSS_ACCOUNT_BLOCKED_ACTIONS),
  };
}
