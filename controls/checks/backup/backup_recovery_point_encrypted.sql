-- FSBP Backup.1: every AWS Backup recovery point is encrypted at rest (IsEncrypted). A point whose encryption
-- AWS did not report fails: it is not known to be encrypted.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  'Recovery point of ' || coalesce(p.resource_arn, 'an unreported resource') || ' in backup vault ' || p.vault_name ||
    CASE WHEN p.is_encrypted IS NULL THEN ' did not report its encryption' ELSE ' is not encrypted at rest' END AS reason,
  p.vault_name,
  p.resource_arn,
  p.resource_type,
  p.is_encrypted
FROM aws_backup_recovery_points p
WHERE p.is_encrypted IS NOT TRUE
ORDER BY p.account_id, p.region, p.arn;
