-- FSBP S3.8: every bucket has all four Block Public Access settings on at bucket level (BlockPublicAcls,
-- IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets). Unlike CIS, the account-level setting does not
-- count here: FSBP judges it separately (S3.1).
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN b.public_access_block_configured IS NOT TRUE THEN 'Bucket ' || b.name || ' has no bucket-level Block Public Access configuration'
    ELSE 'Bucket ' || b.name || ' leaves bucket-level Block Public Access off for '
         || array_to_string(list_filter(['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'],
              (flag, i) -> NOT coalesce([b.block_public_acls, b.ignore_public_acls, b.block_public_policy, b.restrict_public_buckets][i], false)), ', ')
  END AS reason,
  b.name AS bucket_name
FROM aws_s3_buckets b
WHERE b.public_access_block_configured IS NOT TRUE
   OR NOT (coalesce(b.block_public_acls, false) AND coalesce(b.ignore_public_acls, false)
           AND coalesce(b.block_public_policy, false) AND coalesce(b.restrict_public_buckets, false))
ORDER BY b.account_id, b.arn;
