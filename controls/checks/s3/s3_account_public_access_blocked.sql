-- FSBP S3.1: the account-level S3 Block Public Access setting has all four flags on (S3 Control
-- GetPublicAccessBlock). No configuration at all fails. An account-level fact: its resource id is the account
-- principal (docs/resource-ids.md).
SELECT
  'arn:' || a.partition || ':iam::' || a.account_id || ':root' AS resource_id,
  a.account_id,
  'global' AS region,
  CASE
    WHEN p.account_id IS NULL THEN 'The account-level S3 Block Public Access setting was not collected'
    WHEN p.configured IS NOT TRUE THEN 'The account has no account-level S3 Block Public Access configuration'
    ELSE 'Account-level S3 Block Public Access leaves off '
         || array_to_string(list_filter(['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'],
              (flag, i) -> NOT coalesce([p.block_public_acls, p.ignore_public_acls, p.block_public_policy, p.restrict_public_buckets][i], false)), ', ')
  END AS reason,
  p.configured AS account_block_configured
FROM aws_accounts a
LEFT JOIN aws_s3_account_public_access_blocks p ON p.account_id = a.account_id
WHERE p.configured IS NOT TRUE
   OR NOT (coalesce(p.block_public_acls, false) AND coalesce(p.ignore_public_acls, false)
           AND coalesce(p.block_public_policy, false) AND coalesce(p.restrict_public_buckets, false))
ORDER BY a.account_id;
