-- FSBP DynamoDB.2: every DynamoDB table has point-in-time recovery enabled (DescribeContinuousBackups
-- PointInTimeRecoveryStatus = ENABLED). A table whose status could not be read (NULL) fails with its own reason;
-- the sync marked its scope in error, so the engine reports ERROR there rather than a verdict.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  CASE
    WHEN t.pitr_status IS NULL THEN 'The point-in-time recovery status of DynamoDB table ' || t.name || ' could not be read'
    ELSE 'DynamoDB table ' || t.name || ' has point-in-time recovery ' || t.pitr_status
  END AS reason,
  t.name AS table_name,
  t.pitr_status
FROM aws_dynamodb_tables t
WHERE t.pitr_status IS DISTINCT FROM 'ENABLED'
ORDER BY t.account_id, t.region, t.arn;
