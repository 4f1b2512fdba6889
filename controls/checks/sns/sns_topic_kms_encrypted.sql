-- FSBP SNS.1: every SNS topic is encrypted at rest with a KMS key (KmsMasterKeyId set, AWS managed alias/aws/sns
-- or a customer managed key).
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'SNS topic ' || t.name || ' is not encrypted with a KMS key' AS reason,
  t.name AS topic_name
FROM aws_sns_topics t
WHERE t.kms_master_key_id IS NULL OR t.kms_master_key_id = ''
ORDER BY t.account_id, t.region, t.arn;
