-- Versioning keeps every version of every object, so an overwrite or delete can be undone (GetBucketVersioning
-- Status). A bucket where versioning was never turned on has no status; Suspended keeps old versions but makes no new.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN b.versioning_status = 'Suspended' THEN 'Versioning is suspended: overwritten or deleted objects are no longer kept as versions'
    ELSE 'Versioning was never enabled on this bucket'
  END AS reason,
  b.name AS bucket,
  b.versioning_status
FROM aws_s3_buckets b
WHERE b.versioning_status IS DISTINCT FROM 'Enabled'
ORDER BY b.account_id, b.name;
