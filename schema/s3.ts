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

export const tables: TableDef[] = [awsS3Buckets, awsS3AccountPublicAccessBlocks];
