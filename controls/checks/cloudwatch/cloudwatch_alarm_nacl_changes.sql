-- CIS 4.11: a metric filter for network ACL changes, on the CloudWatch Logs group of a multi-region,
-- logging, all-management-events trail, watched by an alarm that notifies an SNS topic with a confirmed
-- subscription. Each term must appear as written (any order, spacing or quoting); extra terms that narrow
-- the noise are allowed. The chain and its reasons live in calabi_cis_monitoring_failures (schema/sql-objects.ts).
SELECT *
FROM calabi_cis_monitoring_failures([
  '$.eventName = CreateNetworkAcl',
  '$.eventName = CreateNetworkAclEntry',
  '$.eventName = DeleteNetworkAcl',
  '$.eventName = DeleteNetworkAclEntry',
  '$.eventName = ReplaceNetworkAclEntry',
  '$.eventName = ReplaceNetworkAclAssociation'
])
