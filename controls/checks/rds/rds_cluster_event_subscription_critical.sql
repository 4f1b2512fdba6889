-- FSBP RDS.19 (Security Hub custom rule): an EXISTING RDS event subscription for DB clusters must have
-- notifications enabled for db-cluster events of the categories maintenance, failure. AWS: "the control passes if there
-- are no existing event subscriptions", and the control is about existing db-cluster subscriptions, so a
-- region fails only when it has a subscription for db-cluster events (source type db-cluster, or none: every
-- source type) and none of them is enabled, delivering (status active, creating or modifying) and sends
-- every required category (an empty category list means every category). Region-level: one finding per region.
WITH subscriptions AS (
  SELECT
    account_id,
    region,
    name,
    source_type,
    event_categories,
    enabled,
    status,
    (source_type = 'db-cluster' OR source_type IS NULL) AS relevant,
    enabled IS TRUE
      AND status IN ('active', 'creating', 'modifying')
      AND (source_type = 'db-cluster' OR source_type IS NULL)
      AND (len(event_categories) = 0 OR list_has_all(list_transform(event_categories, lambda c: lower(c)), ['maintenance', 'failure'])) AS covers
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
  'No enabled db-cluster event subscription in ' || r.region || ' sends maintenance, failure events' || coalesce(' (found: ' || p.subscriptions || ')', '') AS reason,
  p.subscriptions
FROM aws_regions r
JOIN per_region p ON p.account_id = r.account_id AND p.region = r.region
WHERE p.any_relevant AND p.covered IS NOT TRUE
ORDER BY r.account_id, r.region;
