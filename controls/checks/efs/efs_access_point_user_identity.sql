-- FSBP EFS.4: AWS omits PosixUser when the access point enforces no identity.
SELECT
  a.arn AS resource_id,
  a.account_id,
  a.region,
  'EFS access point ' || a.access_point_id || ' enforces no POSIX user identity' AS reason,
  a.access_point_id,
  a.file_system_id
FROM aws_efs_access_points a
WHERE a.posix_uid IS NULL OR a.posix_gid IS NULL
ORDER BY a.account_id, a.region, a.arn;
