-- FSBP S3.12 (Config rule s3-bucket-acl-prohibited): ACLs do not grant access to the bucket, which S3 guarantees only
-- with Object Ownership BucketOwnerEnforced (ACLs disabled). BucketOwnerPreferred and ObjectWriter (also what S3
-- applies to a bucket without ownership controls) leave ACLs in force.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN o.arn IS NULL THEN 'The Object Ownership setting of this bucket was not collected'
    WHEN o.configured IS NOT TRUE THEN 'The bucket has no Object Ownership setting, so S3 applies ObjectWriter and ACLs grant access'
    WHEN o.object_ownership IS NULL THEN 'AWS reported ownership controls without an Object Ownership value'
    ELSE 'Object Ownership is ' || o.object_ownership || ': ACLs still grant access'
  END AS reason,
  b.name AS bucket,
  o.object_ownership
FROM aws_s3_buckets b
LEFT JOIN aws_s3_bucket_ownership_controls o ON o.account_id = b.account_id AND o.arn = b.arn
WHERE o.object_ownership IS DISTINCT FROM 'BucketOwnerEnforced'
ORDER BY b.account_id, b.name;
