-- FSBP FSx.1 (Config rule fsx-openzfs-copy-tags-enabled): an FSx for OpenZFS file system copies its tags to backups
-- AND to volumes; both settings default to false. A setting that was not reported cannot be shown true and fails.
-- Other FSx types are out of scope; a file system whose type was not reported may be OpenZFS and cannot pass.
SELECT
  fs.arn AS resource_id,
  fs.account_id,
  fs.region,
  CASE
    WHEN fs.file_system_type IS NULL THEN 'The type of FSx file system ' || fs.id || ' was not reported: it may be an OpenZFS file system that does not copy its tags (sync again)'
    ELSE 'OpenZFS file system ' || fs.id || ' does not copy its tags to ' ||
      CASE
        WHEN coalesce(fs.copy_tags_to_backups, false) = false AND coalesce(fs.copy_tags_to_volumes, false) = false THEN 'backups or volumes'
        WHEN coalesce(fs.copy_tags_to_backups, false) = false THEN 'backups'
        ELSE 'volumes'
      END ||
      CASE WHEN fs.copy_tags_to_backups IS NULL OR fs.copy_tags_to_volumes IS NULL THEN ' (a setting was not reported: sync again)' ELSE '' END
  END AS reason,
  fs.id AS file_system,
  fs.copy_tags_to_backups,
  fs.copy_tags_to_volumes
FROM aws_fsx_file_systems fs
WHERE fs.file_system_type IS NULL
   OR (fs.file_system_type = 'OPENZFS' AND NOT (coalesce(fs.copy_tags_to_backups, false) AND coalesce(fs.copy_tags_to_volumes, false)))
ORDER BY fs.account_id, fs.region, fs.id;
