-- FSBP EFS.2: every EFS file system is assigned to an AWS Backup plan. A selection of a plan in the resource's
-- account and region assigns it when calabi_backup_selects (schema/sql-objects.ts) says so: AWS Backup's own rules
-- for Resources and NotResources ARN wildcards, ListOfTags (any), Conditions (all) and the region's service opt-in
-- ('EFS' in aws_backup_region_settings), which only a Resources ARN naming the resource type does without.
-- Automatic backups (backup policy ENABLED) are AWS Backup's EFS default plan: they count as a plan.
-- A selection that could not be read assigns nothing, and tags not read match nothing: the sync marked those scopes in
-- error, so the engine reports ERROR rather than a verdict.
WITH assigned AS (
  SELECT
    t.arn, t.account_id, t.region,
    bool_or(calabi_backup_selects(s.resources, s.not_resources, s.list_of_tags, s.conditions, t.arn, t.tags, 'elasticfilesystem', 'file-system/', list_contains(rs.opted_in_resource_types, 'EFS'))) AS covered,
    string_agg(s.selection_name, ', ' ORDER BY s.selection_name) FILTER (WHERE calabi_backup_selects(s.resources, s.not_resources, s.list_of_tags, s.conditions, t.arn, t.tags, 'elasticfilesystem', 'file-system/', true)) AS selections_if_opted_in
  FROM aws_efs_file_systems t
  JOIN aws_backup_selections s ON s.account_id = t.account_id AND s.region = t.region
  LEFT JOIN aws_backup_region_settings rs ON rs.account_id = t.account_id AND rs.region = t.region
  GROUP BY t.arn, t.account_id, t.region
)
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  CASE
    WHEN a.selections_if_opted_in IS NOT NULL THEN 'EFS file system ' || t.file_system_id || ' is selected only by tags or wildcards (' || a.selections_if_opted_in || '), and EFS is not opted in to AWS Backup in ' || t.region
    WHEN t.tags IS NULL THEN 'The tags of EFS file system ' || t.file_system_id || ' could not be read, and no backup selection assigns it without them'
    ELSE 'EFS file system ' || t.file_system_id || ' is in no AWS Backup plan''s resource assignment'
  END AS reason,
  t.file_system_id, t.backup_policy_status
FROM aws_efs_file_systems t
LEFT JOIN assigned a ON a.arn = t.arn AND a.account_id = t.account_id AND a.region = t.region
WHERE a.covered IS NOT TRUE
  AND t.backup_policy_status IS DISTINCT FROM 'ENABLED'
ORDER BY t.account_id, t.region, t.arn;
