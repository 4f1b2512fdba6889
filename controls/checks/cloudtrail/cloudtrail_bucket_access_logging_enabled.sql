-- CIS 3.4: the bucket a trail writes to has server access logging on. Bucket names are global, so the bucket
-- is found in whichever synced account owns it; a bucket found nowhere fails, since its logging cannot be shown.
SELECT t.arn AS resource_id, t.account_id, t.region,
       CASE
         WHEN b.name IS NULL THEN 'Trail ' || t.name || ' writes to bucket ' || t.s3_bucket_name
              || ', which is in no synced account: its access logging cannot be shown (sync the account that owns it)'
         ELSE 'Trail bucket ' || b.name || ' has server access logging off'
       END AS reason,
       t.name AS trail_name, t.s3_bucket_name
FROM aws_cloudtrail_trails t
LEFT JOIN aws_s3_buckets b ON b.name = t.s3_bucket_name
WHERE t.s3_bucket_name IS NOT NULL
  AND b.logging_target_bucket IS NULL
