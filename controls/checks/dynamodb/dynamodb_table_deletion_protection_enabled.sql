-- FSBP DynamoDB.6: every DynamoDB table has deletion protection enabled (DescribeTable DeletionProtectionEnabled).
-- AWS leaves the field out when protection was never set, which the sync stores as false.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  CASE
    WHEN t.deletion_protection_enabled IS NULL THEN 'The deletion protection of DynamoDB table ' || t.name || ' could not be read'
    ELSE 'DynamoDB table ' || t.name || ' has no deletion protection'
  END AS reason,
  t.name AS table_name
FROM aws_dynamodb_tables t
WHERE t.deletion_protection_enabled IS NOT TRUE
ORDER BY t.account_id, t.region, t.arn;
