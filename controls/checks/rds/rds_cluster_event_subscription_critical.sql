-- FSBP RDS.19 (Security Hub custom rule): an EXISTING RDS event subscription for DB clusters must have
-- notifications enabled for db-cluster events of the categories maintenance, failure. AWS: "the control passes if there
-- are no existing event subscriptions", and the control is about existing db-cluster subscriptions, so a
-- region fails only when it has a subscription for db-cluster events (source type db-cluster, or none: every
-- source type) and none of them is enabled, delivering (status active, creating or modifying) and sends
-- every required category (an empty category list means every category). Region-level: one finding per region.
-- Per region, from the shared coverage macro (schema/sql-objects.ts), which runs in the duckdb shell too.
SELECT
  -- The region setting's id: arn:<partition>:rds:<region>:<account> (docs/resource-ids.md).
  'arn:' || r.partition || ':rds:' || r.region || ':' || r.account_id AS resource_id,
  r.account_id,
  r.region,
  'No enabled db-cluster event subscription in ' || r.region || ' sends maintenance, failure events' || coalesce(' (found: ' || p.subscriptions || ')', '') AS reason,
  p.subscriptions
FROM aws_regions r
JOIN calabi_rds_event_subscription_coverage('db-cluster', ['maintenance', 'failure'], true) p ON p.account_id = r.account_id AND p.region = r.region
WHERE p.any_relevant AND p.covered IS NOT TRUE
ORDER BY r.account_id, r.region;
