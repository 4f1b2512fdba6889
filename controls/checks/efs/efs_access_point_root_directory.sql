-- FSBP EFS.3: a Path of / (AWS's default when none is given) is the file system's own root.
SELECT
  a.arn AS resource_id,
  a.account_id,
  a.region,
  'EFS access point ' || a.access_point_id || CASE WHEN a.root_directory_path IS NULL THEN ' did not report its root directory'
    ELSE ' is rooted at the file system''s root directory (/)' END AS reason,
  a.access_point_id,
  a.file_system_id
FROM aws_efs_access_points a
WHERE a.root_directory_path IS NULL OR a.root_directory_path = '/'
ORDER BY a.account_id, a.region, a.arn;
