SELECT
  f.arn AS resource_id,
  f.account_id,
  f.region,
  'EFS file system is not encrypted at rest (encryption can only be chosen when the file system is created)' AS reason,
  f.file_system_id,
  f.name
FROM aws_efs_file_systems f
WHERE f.encrypted IS NOT TRUE
ORDER BY f.account_id, f.region, f.file_system_id;
