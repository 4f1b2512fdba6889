-- FSBP RDS.22 (Security Hub custom rule): an RDS event subscription must exist with notifications enabled for
-- db-security-group events of the categories configuration change, failure. AWS: "the control passes if there are no existing event
-- subscriptions in your account", so a region without any RDS event subscription passes; a region with
-- subscriptions fails unless one of them is for db-security-group events (source type db-security-group, or none: every
-- source type), enabled, delivering (status active, creating or modifying) and sends every required category
-- (an empty category list means every category). Region-level: one finding per region.
WITH subscriptions AS (
  SELECT
    account_id,
    region,
    name,
    source_type,
    event_categories,
    enabled,
    status,
    TRUE AS relevant,
    enabled IS TRUE
      AND status IN ('active', 'creating', 'modifying')
      AND (source_type = 'db-security-group' OR source_type IS NULL)
      AND (len(event_categories) = 0 OR list_has_all(list_transform(event_categories, lambda c: lower(c)), ['configuration change', 'failure'])) AS covers
  FROM aws_rds_event_subscriptions
),
per_region AS (
  SELECT
    account_id,
    region,
    bool_or(relevant) AS any_relevant,
    bool_or(covers) AS covered,
    string_agg(
      name || ' (' || coalesce(source_type, 'all source types') || ': '
        || CASE WHEN len(event_categories) = 0 THEN 'all categories' ELSE array_to_string(event_categories, ', ') END
        || CASE WHEN enabled IS TRUE THEN '' ELSE ', disabled' END || ', ' || coalesce(status, 'status unknown') || ')',
      '; ' ORDER BY name
    ) FILTER (WHERE relevant) AS subscriptions
  FROM subscriptions
  GROUP BY account_id, region
)
SELECT
  -- The region setting's id: arn:<partition>:rds:<region>:<account> (docs/resource-ids.md).
  'arn:' || r.partition || ':rds:' || r.region || ':' || r.account_id AS resource_id,
  r.account_id,
  r.region,
  'RDS event subscriptions exist in ' || r.region || ' but none sends db-security-group configuration change, failure events' || coalesce(' (found: ' || p.subscriptions || ')', '') AS reason,
  p.subscriptions
FROM aws_regions r
JOIN per_region p ON p.account_id = r.account_id AND p.region = r.region
WHERE p.any_relevant AND p.covered IS NOT TRUE
ORDER BY r.account_id, r.region;
