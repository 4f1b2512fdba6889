SELECT t.arn AS resource_id, t.account_id, t.region,
       'Trail ' || t.name || ' log files are encrypted with SSE-S3, not a KMS key' AS reason,
       t.name AS trail_name, t.s3_bucket_name
FROM aws_cloudtrail_trails t
WHERE t.kms_key_id IS NULL OR t.kms_key_id = ''
