-- FSBP S3.6 (Config rule s3-bucket-blacklisted-actions-prohibited with Security Hub's blacklistedActionPatterns):
-- the bucket policy allows no principal of another AWS account s3:DeleteBucketPolicy, s3:PutBucketAcl,
-- s3:PutBucketPolicy, s3:PutEncryptionConfiguration or s3:PutObjectAcl. Decided at sync time with IAM's wildcard
-- and NotAction semantics (sync/policy/s3-access.ts). A policy not read or not parsed (NULL) fails (fail closed).
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN b.policy_cross_account_blocked_actions IS NULL THEN 'The bucket policy of ' || b.name || ' could not be read or parsed: sync again'
    ELSE 'The bucket policy of ' || b.name || ' allows other AWS accounts ' || array_to_string(b.policy_cross_account_blocked_actions, ', ')
  END AS reason,
  b.name AS bucket,
  b.policy_cross_account_blocked_actions
FROM aws_s3_buckets b
WHERE b.policy_cross_account_blocked_actions IS NULL OR len(b.policy_cross_account_blocked_actions) > 0
ORDER BY b.account_id, b.name;
