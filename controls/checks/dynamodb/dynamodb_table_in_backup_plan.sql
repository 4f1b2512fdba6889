-- FSBP DynamoDB.4: every DynamoDB table is assigned to an AWS Backup plan. A selection of a plan in the resource's
-- account and region assigns it when calabi_backup_assignment (schema/sql-objects.ts) says so: AWS Backup's own rules
-- for Resources and NotResources ARN wildcards, ListOfTags (any), Conditions (all) and the region's service opt-in
-- ('DynamoDB' in aws_backup_region_settings), which only a Resources ARN naming the resource type does without.
-- A selection that could not be read assigns nothing, and tags not read match nothing: the sync marked those scopes in
-- error, so the engine reports ERROR rather than a verdict.
WITH r AS (SELECT arn, account_id, region, CAST(tags AS MAP(VARCHAR, VARCHAR)) AS tag_map FROM aws_dynamodb_tables),
-- The selections that may assign each resource: a Resources pattern matches its ARN, one of its tags is a ListOfTags
-- entry, or the selection has neither. Only these pairs are judged in full (calabi_backup_assignment).
candidates AS (
  SELECT r.arn, r.account_id, r.region, p.id FROM r
  JOIN calabi_backup_selection_patterns p ON p.account_id = r.account_id AND p.region = r.region AND r.arn LIKE p.pattern ESCAPE '\'
  UNION
  SELECT r.arn, r.account_id, r.region, g.id FROM (SELECT arn, account_id, region, unnest(map_entries(tag_map)) AS e FROM r) r
  JOIN calabi_backup_selection_tags g ON g.account_id = r.account_id AND g.region = r.region AND g.key = r.e.key AND g.value = r.e.value
  UNION
  SELECT r.arn, r.account_id, r.region, s.id FROM r
  JOIN calabi_backup_selections_parsed s ON s.account_id = r.account_id AND s.region = r.region WHERE s.selects_everything
),
assigned AS (
  SELECT
    arn, account_id, region,
    bool_or(a.by_type OR (coalesce(opted_in, false) AND a.by_opt_in)) AS covered,
    array_to_string(list_sort(list(selection_name)), ', ') AS selections_if_opted_in
  FROM (
    SELECT r.arn, r.account_id, r.region, s.selection_name, list_contains(rs.opted_in_resource_types, 'DynamoDB') AS opted_in,
      calabi_backup_assignment(s, r.arn, r.tag_map, 'dynamodb', 'table/') AS a
    FROM candidates c
    JOIN r ON r.arn = c.arn AND r.account_id = c.account_id AND r.region = c.region
    JOIN calabi_backup_selections_parsed s ON s.account_id = c.account_id AND s.region = c.region AND s.id = c.id
    LEFT JOIN aws_backup_region_settings rs ON rs.account_id = r.account_id AND rs.region = r.region
  )
  WHERE (a.by_type OR a.by_opt_in) AND a.holds
  GROUP BY arn, account_id, region
)
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  CASE
    WHEN a.selections_if_opted_in IS NOT NULL THEN 'DynamoDB table ' || t.name || ' is selected only by tags or wildcards (' || a.selections_if_opted_in || '), and DynamoDB is not opted in to AWS Backup in ' || t.region
    WHEN t.tags IS NULL THEN 'The tags of DynamoDB table ' || t.name || ' could not be read, and no backup selection assigns it without them'
    ELSE 'DynamoDB table ' || t.name || ' is in no AWS Backup plan''s resource assignment'
  END AS reason,
  t.name AS table_name
FROM aws_dynamodb_tables t
LEFT JOIN assigned a ON a.arn = t.arn AND a.account_id = t.account_id AND a.region = t.region
WHERE a.covered IS NOT TRUE
ORDER BY t.account_id, t.region, t.arn;
