-- FSBP Kinesis.1.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'Kinesis data stream ' || s.name || CASE WHEN s.encryption_type IS NULL THEN ' did not report its encryption'
    ELSE ' is not encrypted at rest (EncryptionType ' || s.encryption_type || ')' END AS reason,
  s.name AS stream_name
FROM aws_kinesis_streams s
WHERE s.encryption_type IS DISTINCT FROM 'KMS'
ORDER BY s.account_id, s.region, s.arn;
