-- FSBP EventBridge.3 (Config rule custom-eventbus-policy-attached): a custom event bus has a resource-based policy,
-- so which accounts and services may put events on it is stated rather than left to each caller's own rights. The
-- account's 'default' bus is out of scope. A policy that could not be read (has_policy NULL) fails.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN b.has_policy IS NULL THEN 'The resource-based policy of event bus ' || b.name || ' could not be read: it cannot be shown to have one (sync again)'
    ELSE 'Custom event bus ' || b.name || ' has no resource-based policy'
  END AS reason,
  b.name AS event_bus
FROM aws_eventbridge_event_buses b
WHERE b.name IS DISTINCT FROM 'default'
  AND b.has_policy IS NOT TRUE
ORDER BY b.account_id, b.region, b.name;
