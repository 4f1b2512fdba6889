-- CIS 2.1.4: all four Block Public Access flags, either on the bucket or on its account. Three of four is not
-- enough (BlockPublicAcls without IgnorePublicAcls still honours existing public ACLs, and so on), and flags
-- do not combine across levels: each level is judged on its own.
WITH judged AS (
  SELECT
    b.arn, b.account_id, b.region, b.name,
    coalesce(b.block_public_acls AND b.ignore_public_acls AND b.block_public_policy AND b.restrict_public_buckets, false) AS bucket_blocks_all,
    coalesce(a.block_public_acls AND a.ignore_public_acls AND a.block_public_policy AND a.restrict_public_buckets, false) AS account_blocks_all,
    list_filter([
      CASE WHEN b.block_public_acls IS NOT TRUE THEN 'BlockPublicAcls' END,
      CASE WHEN b.ignore_public_acls IS NOT TRUE THEN 'IgnorePublicAcls' END,
      CASE WHEN b.block_public_policy IS NOT TRUE THEN 'BlockPublicPolicy' END,
      CASE WHEN b.restrict_public_buckets IS NOT TRUE THEN 'RestrictPublicBuckets' END
    ], lambda f: f IS NOT NULL) AS bucket_flags_off,
    list_filter([
      CASE WHEN a.block_public_acls IS NOT TRUE THEN 'BlockPublicAcls' END,
      CASE WHEN a.ignore_public_acls IS NOT TRUE THEN 'IgnorePublicAcls' END,
      CASE WHEN a.block_public_policy IS NOT TRUE THEN 'BlockPublicPolicy' END,
      CASE WHEN a.restrict_public_buckets IS NOT TRUE THEN 'RestrictPublicBuckets' END
    ], lambda f: f IS NOT NULL) AS account_flags_off,
    coalesce(b.public_access_block_configured, false) AS bucket_block_configured,
    coalesce(a.configured, false) AS account_block_configured
  FROM aws_s3_buckets b
  LEFT JOIN aws_s3_account_public_access_blocks a ON a.account_id = b.account_id
)
SELECT
  arn AS resource_id,
  account_id,
  region,
  'Public access is not fully blocked: bucket level ' ||
    CASE WHEN bucket_block_configured THEN 'leaves off ' || array_to_string(bucket_flags_off, ', ') ELSE 'has no configuration' END ||
    '; account level ' ||
    CASE WHEN account_block_configured THEN 'leaves off ' || array_to_string(account_flags_off, ', ') ELSE 'has no configuration' END AS reason,
  name AS bucket,
  bucket_flags_off,
  account_flags_off
FROM judged
WHERE NOT bucket_blocks_all AND NOT account_blocks_all
ORDER BY account_id, name;
