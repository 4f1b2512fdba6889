import { defineTable, type TableDef } from './table.js';

export const awsS3Buckets = defineTable({
  name: 'aws_s3_buckets',
  description: "One row per bucket of the account, with its policy, versioning, public access block, logging, encryption and ACL; region is the bucket's own region",
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'name', type: 'VARCHAR', description: 'Bucket name' },
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:s3:::<name>' },
    { name: 'creation_date', type: 'TIMESTAMP', description: 'When the bucket was created (ListBuckets CreationDate)' },
    { name: 'policy', type: 'JSON', description: 'The bucket policy document; NULL when the bucket has none (NoSuchBucketPolicy)' },
    { name: 'policy_normalized', type: 'JSON', description: 'The bucket policy in the normalised shape (lists everywhere, Principal as {AWS: [...]}, condition operators and keys lower-cased)' },
    { name: 'policy_is_public', type: 'BOOLEAN', description: 'The policy allows Principal * (or NotPrincipal) with no condition that narrows who can call; false without a policy, NULL when unknown' },
    { name: 'public_statements', type: 'VARCHAR[]', description: 'Sids (or #positions) of the public statements' },
    { name: 'policy_public_read_actions', type: 'VARCHAR[]', description: 'Read actions (s3:GetObject, s3:GetObjectVersion, s3:ListBucket, s3:ListBucketVersions) a public statement allows; empty without, NULL when the policy is unknown' },
    { name: 'policy_public_write_actions', type: 'VARCHAR[]', description: 'Write actions (object puts and deletes, ACL and policy writes) a public statement allows; empty without, NULL when unknown' },
    { name: 'policy_cross_account_blocked_actions', type: 'VARCHAR[]', description: "FSBP S3.6's blocked actions (s3:DeleteBucketPolicy, s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration, s3:PutObjectAcl) the policy allows principals of other accounts; NULL when unknown" },
    { name: 'denies_insecure_transport', type: 'BOOLEAN', description: 'The policy denies every principal every S3 action when aws:SecureTransport is false, on the bucket and all its objects; NULL when unknown' },
    { name: 'insecure_transport_denied_for', type: 'VARCHAR[]', description: "What that denial covers: 'bucket', 'objects', both or neither" },
    { name: 'versioning_status', type: 'VARCHAR', description: "Enabled, Suspended, or NULL when versioning was never turned on" },
    { name: 'mfa_delete', type: 'BOOLEAN', description: 'True when versioning requires MFA to delete versions or change the versioning state' },
    { name: 'block_public_acls', type: 'BOOLEAN', description: 'Bucket-level Block Public Access: BlockPublicAcls; NULL when no bucket-level block is configured' },
    { name: 'ignore_public_acls', type: 'BOOLEAN', description: 'Bucket-level Block Public Access: IgnorePublicAcls; NULL when not configured' },
    { name: 'block_public_policy', type: 'BOOLEAN', description: 'Bucket-level Block Public Access: BlockPublicPolicy; NULL when not configured' },
    { name: 'restrict_public_buckets', type: 'BOOLEAN', description: 'Bucket-level Block Public Access: RestrictPublicBuckets; NULL when not configured' },
    { name: 'public_access_block_configured', type: 'BOOLEAN', description: 'False when the bucket has no Block Public Access configuration (NoSuchPublicAccessBlockConfiguration)' },
    { name: 'logging_target_bucket', type: 'VARCHAR', description: 'Bucket receiving server access logs; NULL when access logging is off' },
    { name: 'logging_target_prefix', type: 'VARCHAR', description: 'Key prefix of the access logs; NULL when access logging is off' },
    { name: 'encryption_algorithm', type: 'VARCHAR', description: 'Default encryption: AES256, aws:kms or aws:kms:dsse; NULL when no default encryption is configured' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key of the default encryption rule, when it names one' },
    { name: 'bucket_key_enabled', type: 'BOOLEAN', description: 'True when the default encryption rule uses an S3 Bucket Key' },
    { name: 'acl_grants', type: 'JSON', description: 'The grants of the bucket ACL (GetBucketAcl Grants)' },
    { name: 'owner_id', type: 'VARCHAR', description: 'Canonical user id of the bucket owner (GetBucketAcl Owner)' },
  ],
});

export const awsS3AccountPublicAccessBlocks = defineTable({
  name: 'aws_s3_account_public_access_blocks',
  description: 'One row per account: the account-level S3 Block Public Access settings (S3 Control), configured = false when none',
  scope: 'global',
  resourceId: 'account_id',
  columns: [
    { name: 'configured', type: 'BOOLEAN', description: 'False when the account has no Block Public Access configuration' },
    { name: 'block_public_acls', type: 'BOOLEAN', description: 'BlockPublicAcls at account level; NULL when not configured' },
    { name: 'ignore_public_acls', type: 'BOOLEAN', description: 'IgnorePublicAcls at account level; NULL when not configured' },
    { name: 'block_public_policy', type: 'BOOLEAN', description: 'BlockPublicPolicy at account level; NULL when not configured' },
    { name: 'restrict_public_buckets', type: 'BOOLEAN', description: 'RestrictPublicBuckets at account level; NULL when not configured' },
  ],
});

const bucketColumns = [
  { name: 'name', type: 'VARCHAR', description: 'Bucket name' },
  { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:s3:::<name>' },
] as const;

export const awsS3BucketReplication = defineTable({
  name: 'aws_s3_bucket_replication',
  description: "One row per bucket: its replication configuration (GetBucketReplication); region is the bucket's own region. A bucket whose call failed has no row and the table is in error",
  scope: 'global',
  resourceId: 'arn',
  columns: [
    ...bucketColumns,
    { name: 'configured', type: 'BOOLEAN', description: 'False when the bucket has no replication configuration (ReplicationConfigurationNotFoundError)' },
    { name: 'role', type: 'VARCHAR', description: 'IAM role S3 assumes to replicate; NULL without a configuration' },
    { name: 'rule_count', type: 'INTEGER', description: 'Replication rules, enabled or not; 0 without a configuration' },
    { name: 'enabled_rule_count', type: 'INTEGER', description: 'Rules with Status Enabled' },
    { name: 'enabled_destination_buckets', type: 'VARCHAR[]', description: 'Destination bucket ARNs of the enabled rules (their region is not in the ARN: look the bucket up in aws_s3_buckets)' },
    { name: 'rules', type: 'JSON', description: 'The replication rules as AWS returned them' },
  ],
});

export const awsS3BucketLifecycle = defineTable({
  name: 'aws_s3_bucket_lifecycle',
  description: "One row per bucket: its lifecycle configuration (GetBucketLifecycleConfiguration); region is the bucket's own region. A bucket whose call failed has no row and the table is in error",
  scope: 'global',
  resourceId: 'arn',
  columns: [
    ...bucketColumns,
    { name: 'configured', type: 'BOOLEAN', description: 'False when the bucket has no lifecycle configuration (NoSuchLifecycleConfiguration)' },
    { name: 'rule_count', type: 'INTEGER', description: 'Lifecycle rules, enabled or not; 0 without a configuration' },
    { name: 'enabled_rule_count', type: 'INTEGER', description: 'Rules with Status Enabled' },
    { name: 'rules', type: 'JSON', description: 'The lifecycle rules as AWS returned them' },
  ],
});

export const awsS3BucketNotifications = defineTable({
  name: 'aws_s3_bucket_notifications',
  description: "One row per bucket: its event notification configuration (GetBucketNotificationConfiguration; empty means none); region is the bucket's own region. A bucket whose call failed has no row and the table is in error",
  scope: 'global',
  resourceId: 'arn',
  columns: [
    ...bucketColumns,
    { name: 'topic_count', type: 'INTEGER', description: 'SNS topic configurations' },
    { name: 'queue_count', type: 'INTEGER', description: 'SQS queue configurations' },
    { name: 'lambda_function_count', type: 'INTEGER', description: 'Lambda function configurations' },
    { name: 'eventbridge_enabled', type: 'BOOLEAN', description: 'True when the bucket sends its events to Amazon EventBridge (EventBridgeConfiguration present)' },
    { name: 'destination_arns', type: 'VARCHAR[]', description: 'ARNs of the SNS topics, SQS queues and Lambda functions notified' },
    { name: 'event_types', type: 'VARCHAR[]', description: 'Event types of those configurations (s3:ObjectCreated:*, ...), sorted' },
  ],
});

export const awsS3BucketOwnershipControls = defineTable({
  name: 'aws_s3_bucket_ownership_controls',
  description: "One row per bucket: its Object Ownership setting (GetBucketOwnershipControls); region is the bucket's own region. A bucket whose call failed has no row and the table is in error",
  scope: 'global',
  resourceId: 'arn',
  columns: [
    ...bucketColumns,
    { name: 'configured', type: 'BOOLEAN', description: 'False when the bucket has no ownership controls (OwnershipControlsNotFoundError)' },
    { name: 'object_ownership', type: 'VARCHAR', description: 'BucketOwnerEnforced (ACLs disabled), BucketOwnerPreferred or ObjectWriter; ObjectWriter when not configured, as S3 applies it' },
  ],
});

export const awsS3BucketObjectLock = defineTable({
  name: 'aws_s3_bucket_object_lock',
  description: "One row per bucket: its Object Lock configuration (GetObjectLockConfiguration); region is the bucket's own region. A bucket whose call failed has no row and the table is in error",
  scope: 'global',
  resourceId: 'arn',
  columns: [
    ...bucketColumns,
    { name: 'object_lock_enabled', type: 'BOOLEAN', description: 'True when ObjectLockEnabled is Enabled; false without a configuration (ObjectLockConfigurationNotFoundError)' },
    { name: 'default_retention_mode', type: 'VARCHAR', description: 'GOVERNANCE or COMPLIANCE when a default retention rule is set' },
    { name: 'default_retention_days', type: 'INTEGER', description: 'Default retention in days, when set in days' },
    { name: 'default_retention_years', type: 'INTEGER', description: 'Default retention in years, when set in years' },
  ],
});

export const awsS3AccessPoints = defineTable({
  name: 'aws_s3_access_points',
  description: "One row per S3 access point of the account (S3 Control ListAccessPoints, GetAccessPoint each); region is the access point's own region",
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'name', type: 'VARCHAR', description: 'Access point name' },
    { name: 'arn', type: 'VARCHAR', description: 'Access point ARN' },
    { name: 'alias', type: 'VARCHAR', description: 'Access point alias' },
    { name: 'bucket', type: 'VARCHAR', description: 'Name of the bucket the access point serves' },
    { name: 'bucket_account_id', type: 'VARCHAR', description: 'Account that owns that bucket' },
    { name: 'network_origin', type: 'VARCHAR', description: 'Internet or VPC' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of a VPC-origin access point' },
    { name: 'creation_date', type: 'TIMESTAMP', description: 'When the access point was created (GetAccessPoint)' },
    { name: 'block_public_acls', type: 'BOOLEAN', description: "The access point's Block Public Access: BlockPublicAcls; NULL when GetAccessPoint failed" },
    { name: 'ignore_public_acls', type: 'BOOLEAN', description: 'IgnorePublicAcls; NULL when not read' },
    { name: 'block_public_policy', type: 'BOOLEAN', description: 'BlockPublicPolicy; NULL when not read' },
    { name: 'restrict_public_buckets', type: 'BOOLEAN', description: 'RestrictPublicBuckets; NULL when not read' },
  ],
});

export const tables: TableDef[] = [
  awsS3Buckets,
  awsS3AccountPublicAccessBlocks,
  awsS3BucketReplication,
  awsS3BucketLifecycle,
  awsS3BucketNotifications,
  awsS3BucketOwnershipControls,
  awsS3BucketObjectLock,
  awsS3AccessPoints,
];
