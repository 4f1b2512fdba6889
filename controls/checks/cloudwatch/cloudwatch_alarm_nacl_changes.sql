-- CIS 4.11: an alarmed, subscribed metric filter for network ACL changes on the log group of a multi-region, logging,
-- all-management-events trail. Each term must appear as written here (any order, spacing or quoting); extra
-- terms that narrow the noise are allowed. The chain and its reasons: calabi_cis_monitoring_failures.
SELECT *
FROM calabi_cis_monitoring_failures([
  '$.eventName = CreateNetworkAcl',
  '$.eventName = CreateNetworkAclEntry',
  '$.eventName = DeleteNetworkAcl',
  '$.eventName = DeleteNetworkAclEntry',
  '$.eventName = ReplaceNetworkAclEntry',
  '$.eventName = ReplaceNetworkAclAssociation'
])
