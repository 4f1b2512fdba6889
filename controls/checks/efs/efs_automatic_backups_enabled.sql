-- Automatic backups (the file system's backup policy, which puts it in AWS Backup's default plan) must be ENABLED.
-- No backup policy is AWS's way of saying DISABLED; ENABLING does not protect yet. A status that could not be read
-- (NULL) fails: it cannot be shown on. File systems being deleted are out of scope.
SELECT
  f.arn AS resource_id,
  f.account_id,
  f.region,
  CASE
    WHEN f.backup_policy_status IS NULL THEN 'The backup policy of EFS file system ' || f.file_system_id || ' could not be read: automatic backups cannot be shown on (sync again)'
    ELSE 'Automatic backups are ' || f.backup_policy_status || ' for EFS file system ' || f.file_system_id || coalesce(' (' || f.name || ')', '')
  END AS reason,
  f.file_system_id,
  f.name,
  f.backup_policy_status
FROM aws_efs_file_systems f
WHERE f.backup_policy_status IS DISTINCT FROM 'ENABLED'
  AND f.life_cycle_state IS DISTINCT FROM 'deleting'
  AND f.life_cycle_state IS DISTINCT FROM 'deleted'
ORDER BY f.account_id, f.region, f.file_system_id;
