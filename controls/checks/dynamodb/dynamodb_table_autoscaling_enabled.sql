-- FSBP DynamoDB.1 (Config rule dynamodb-autoscaling-enabled): a table scales with demand when it is on-demand
-- (PAY_PER_REQUEST), or when Application Auto Scaling manages its provisioned read AND write capacity and that of
-- each global secondary index (a scalable target for table/<name> with dynamodb:table:*CapacityUnits, and for
-- table/<name>/index/<index> with dynamodb:index:*CapacityUnits). A missing billing mode summary means
-- PROVISIONED (AWS leaves it out for tables that never changed mode). A table DescribeTable did not answer for
-- (no status, no index list) cannot pass.
WITH provisioned AS (
  SELECT t.arn, t.account_id, t.region, t.name, t.global_secondary_indexes
  FROM aws_dynamodb_tables t
  WHERE t.status IS NOT NULL AND t.global_secondary_indexes IS NOT NULL AND t.billing_mode IS DISTINCT FROM 'PAY_PER_REQUEST'
),
capacities AS (
  SELECT p.arn, p.account_id, p.region, 'table/' || p.name AS scaled, 'table' AS kind FROM provisioned p
  UNION ALL
  SELECT g.arn, g.account_id, g.region, 'table/' || g.name || '/index/' || g.idx, 'index'
  FROM (SELECT p.*, unnest(p.global_secondary_indexes) AS idx FROM provisioned p) g
),
required AS (
  SELECT c.*, d.capacity, 'dynamodb:' || c.kind || ':' || d.capacity AS dimension
  FROM capacities c CROSS JOIN (VALUES ('ReadCapacityUnits'), ('WriteCapacityUnits')) d(capacity)
),
missing AS (
  SELECT r.arn, list(r.scaled || ' ' || r.capacity ORDER BY r.scaled, r.capacity) AS unscaled
  FROM required r
  LEFT JOIN aws_applicationautoscaling_scalable_targets s
    ON s.account_id = r.account_id AND s.region = r.region AND s.service_namespace = 'dynamodb'
   AND s.resource_id = r.scaled AND s.scalable_dimension = r.dimension
  WHERE s.resource_id IS NULL
  GROUP BY r.arn
)
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  CASE
    WHEN m.arn IS NULL THEN 'DynamoDB table ' || t.name || ' was not described: its capacity mode and indexes cannot be judged (sync again)'
    ELSE 'DynamoDB table ' || t.name || ' uses provisioned capacity without auto scaling for ' || array_to_string(m.unscaled, ', ')
  END AS reason,
  t.name AS table_name,
  t.billing_mode,
  m.unscaled
FROM aws_dynamodb_tables t
LEFT JOIN missing m ON m.arn = t.arn
WHERE m.arn IS NOT NULL OR t.status IS NULL OR t.global_secondary_indexes IS NULL
ORDER BY t.account_id, t.region, t.arn;
