-- FSBP S3.19 (Config rule s3-access-point-public-access-blocks): the access point's own Block Public Access has all
-- four settings on. A setting not read (GetAccessPoint failed) fails.
SELECT
  a.arn AS resource_id,
  a.account_id,
  a.region,
  CASE
    WHEN a.block_public_acls IS NULL AND a.ignore_public_acls IS NULL AND a.block_public_policy IS NULL AND a.restrict_public_buckets IS NULL
      THEN 'The Block Public Access settings of this access point were not collected'
    ELSE 'Access point Block Public Access leaves off '
         || array_to_string(list_filter(['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'],
              (flag, i) -> NOT coalesce([a.block_public_acls, a.ignore_public_acls, a.block_public_policy, a.restrict_public_buckets][i], false)), ', ')
  END AS reason,
  a.name AS access_point,
  a.bucket
FROM aws_s3_access_points a
WHERE NOT (coalesce(a.block_public_acls, false) AND coalesce(a.ignore_public_acls, false)
           AND coalesce(a.block_public_policy, false) AND coalesce(a.restrict_public_buckets, false))
ORDER BY a.account_id, a.region, a.name;
