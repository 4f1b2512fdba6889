-- CIS 4.3: a metric filter for usage of the root user, on the CloudWatch Logs group of a multi-region,
-- logging, all-management-events trail, watched by an alarm that notifies an SNS topic with a confirmed
-- subscription. Each term must appear as written (any order, spacing or quoting); extra terms that narrow
-- the noise are allowed. The chain and its reasons live in calabi_cis_monitoring_failures (schema/sql-objects.ts).
SELECT *
FROM calabi_cis_monitoring_failures([
  '$.userIdentity.type = "Root"',
  '$.userIdentity.invokedBy NOT EXISTS',
  '$.eventType != "AwsServiceEvent"'
])
