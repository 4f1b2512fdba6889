-- CloudWatch Logs always encrypts log data at rest with a key it owns; associating a KMS key (AssociateKmsKey,
-- DescribeLogGroups kmsKeyId) puts decryption under a key policy you control and audit.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  'Log group ' || g.name || ' is encrypted only with the CloudWatch Logs service key, not a KMS key you control' AS reason,
  g.name AS log_group
FROM aws_logs_log_groups g
WHERE g.kms_key_id IS NULL
ORDER BY g.account_id, g.region, g.name;
