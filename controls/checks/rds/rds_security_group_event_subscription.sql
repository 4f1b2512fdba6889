-- FSBP RDS.22 (Security Hub custom rule): an RDS event subscription must exist with notifications enabled for
-- db-security-group events of the categories configuration change, failure. AWS: "the control passes if there are no existing event
-- subscriptions in your account", so a region without any RDS event subscription passes; a region with
-- subscriptions fails unless one of them is for db-security-group events (source type db-security-group, or none: every
-- source type), enabled, delivering (status active, creating or modifying) and sends every required category
-- (an empty category list means every category). Region-level: one finding per region.
-- Per region, from the shared coverage macro (schema/sql-objects.ts), which runs in the duckdb shell too.
SELECT
  -- The region setting's id: arn:<partition>:rds:<region>:<account> (docs/resource-ids.md).
  'arn:' || r.partition || ':rds:' || r.region || ':' || r.account_id AS resource_id,
  r.account_id,
  r.region,
  'RDS event subscriptions exist in ' || r.region || ' but none sends db-security-group configuration change, failure events' || coalesce(' (found: ' || p.subscriptions || ')', '') AS reason,
  p.subscriptions
FROM aws_regions r
JOIN calabi_rds_event_subscription_coverage('db-security-group', ['configuration change', 'failure'], false) p ON p.account_id = r.account_id AND p.region = r.region
WHERE p.any_relevant AND p.covered IS NOT TRUE
ORDER BY r.account_id, r.region;
