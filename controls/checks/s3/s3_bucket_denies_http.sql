-- CIS 2.1.1: the bucket policy denies every request made without TLS, to everyone, for the bucket and for its
-- objects. The sync derives this once from the normalised policy (sync/policy/secure-transport.ts): a Deny for
-- Principal * of every S3 action whose only condition is Bool/BoolIfExists aws:SecureTransport = false, any
-- spelling, two statements may share the bucket and the objects. NULL means the policy could not be read: fail.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN b.denies_insecure_transport IS NULL THEN 'Bucket policy could not be read or analysed, so a denial of plain HTTP cannot be shown: sync again'
    WHEN b.policy IS NULL THEN 'Bucket has no policy, so requests over plain HTTP are not denied'
    WHEN b.insecure_transport_denied_for = ['objects'] THEN 'Bucket policy denies plain HTTP for the objects only, not for the bucket itself'
    WHEN b.insecure_transport_denied_for = ['bucket'] THEN 'Bucket policy denies plain HTTP for the bucket but not for its objects'
    ELSE 'Bucket policy has no statement denying all principals every S3 action when aws:SecureTransport is false'
  END AS reason,
  b.name AS bucket,
  coalesce(list_contains(b.insecure_transport_denied_for, 'bucket'), false) AS bucket_covered,
  coalesce(list_contains(b.insecure_transport_denied_for, 'objects'), false) AS objects_covered
FROM aws_s3_buckets b
WHERE b.denies_insecure_transport IS NOT TRUE
ORDER BY b.account_id, b.name;
