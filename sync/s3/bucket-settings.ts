import {
  GetBucketLifecycleConfigurationCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketReplicationCommand,
  GetObjectLockConfigurationCommand,
} from '@aws-sdk/client-s3';
import { awsS3BucketLifecycle, awsS3BucketNotifications, awsS3BucketObjectLock, awsS3BucketOwnershipControls, awsS3BucketReplication } from '../../schema/s3.js';
import { perBucketCollector } from './per-bucket.js';

// Each setting below has its own per-bucket call in S3's API and no list or batch form: one collector each.

/** GetBucketReplication; ReplicationConfigurationNotFoundError is the fact "no replication". */
export const bucketReplicationCollector = perBucketCollector({
  name: 'bucket-replication',
  table: awsS3BucketReplication,
  operation: 'GetBucketReplication',
  read: (s3, Bucket) => s3.send(new GetBucketReplicationCommand({ Bucket })),
  notConfigured: ['ReplicationConfigurationNotFoundError'],
  columns(out) {
    const config = out?.ReplicationConfiguration;
    const rules = config?.Rules ?? [];
    const enabled = rules.filter((r) => r.Status === 'Enabled');
    return {
      configured: config !== undefined,
      role: config?.Role ?? null,
      rule_count: rules.length,
      enabled_rule_count: enabled.length,
      // Destination.Bucket is the destination's ARN; its region is not in it (the checks look the bucket up).
      enabled_destination_buckets: [...new Set(enabled.map((r) => r.Destination?.Bucket).filter((b): b is string => !!b))],
      rules,
    };
  },
});

/** GetBucketLifecycleConfiguration; NoSuchLifecycleConfiguration is the fact "no lifecycle rules". */
export const bucketLifecycleCollector = perBucketCollector({
  name: 'bucket-lifecycle',
  table: awsS3BucketLifecycle,
  operation: 'GetBucketLifecycleConfiguration',
  read: (s3, Bucket) => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })),
  notConfigured: ['NoSuchLifecycleConfiguration'],
  columns(out) {
    const rules = out?.Rules ?? [];
    return {
      configured: out !== null,
      rule_count: rules.length,
      enabled_rule_count: rules.filter((r) => r.Status === 'Enabled').length,
      rules,
    };
  },
});

/** GetBucketNotificationConfiguration; AWS answers a bucket without notifications with an empty configuration. */
export const bucketNotificationsCollector = perBucketCollector({
  name: 'bucket-notifications',
  table: awsS3BucketNotifications,
  operation: 'GetBucketNotificationConfiguration',
  read: (s3, Bucket) => s3.send(new GetBucketNotificationConfigurationCommand({ Bucket })),
  notConfigured: [],
  columns(out) {
    const topics = out?.TopicConfigurations ?? [];
    const queues = out?.QueueConfigurations ?? [];
    const lambdas = out?.LambdaFunctionConfigurations ?? [];
    const all = [...topics.map((t) => ({ arn: t.TopicArn, events: t.Events })), ...queues.map((q) => ({ arn: q.QueueArn, events: q.Events })), ...lambdas.map((l) => ({ arn: l.LambdaFunctionArn, events: l.Events }))];
    return {
      topic_count: topics.length,
      queue_count: queues.length,
      lambda_function_count: lambdas.length,
      // An empty <EventBridgeConfiguration/> element is what turns EventBridge delivery on.
      eventbridge_enabled: out?.EventBridgeConfiguration !== undefined,
      destination_arns: [...new Set(all.map((c) => c.arn).filter((a): a is string => !!a))],
      event_types: [...new Set(all.flatMap((c) => c.events ?? []))].sort(),
    };
  },
});

/** GetBucketOwnershipControls; OwnershipControlsNotFoundError means no setting, which S3 applies as ObjectWriter. */
export const bucketOwnershipControlsCollector = perBucketCollector({
  name: 'bucket-ownership-controls',
  table: awsS3BucketOwnershipControls,
  operation: 'GetBucketOwnershipControls',
  read: (s3, Bucket) => s3.send(new GetBucketOwnershipControlsCommand({ Bucket })),
  notConfigured: ['OwnershipControlsNotFoundError'],
  columns(out) {
    const rule = out?.OwnershipControls?.Rules?.[0];
    return {
      configured: out !== null,
      // Without a rule S3 applies ObjectWriter (ACLs enabled); a rule without a value is reported as unknown.
      object_ownership: out === null ? 'ObjectWriter' : (rule?.ObjectOwnership ?? null),
    };
  },
});

/** GetObjectLockConfiguration; ObjectLockConfigurationNotFoundError means Object Lock is off. */
export const bucketObjectLockCollector = perBucketCollector({
  name: 'bucket-object-lock',
  table: awsS3BucketObjectLock,
  operation: 'GetObjectLockConfiguration',
  read: (s3, Bucket) => s3.send(new GetObjectLockConfigurationCommand({ Bucket })),
  notConfigured: ['ObjectLockConfigurationNotFoundError'],
  columns(out) {
    const config = out?.ObjectLockConfiguration;
    const retention = config?.Rule?.DefaultRetention;
    return {
      object_lock_enabled: config?.ObjectLockEnabled === 'Enabled',
      default_retention_mode: retention?.Mode ?? null,
      default_retention_days: retention?.Days ?? null,
      default_retention_years: retention?.Years ?? null,
    };
  },
});
