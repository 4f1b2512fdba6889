-- CIS 4.13: an alarmed, subscribed metric filter for route table changes on the log group of a multi-region, logging,
-- all-management-events trail. Each term must appear as written here (any order, spacing or quoting); extra
-- terms that narrow the noise are allowed. The chain and its reasons: calabi_cis_monitoring_failures.
SELECT *
FROM calabi_cis_monitoring_failures([
  '$.eventSource = ec2.amazonaws.com',
  '$.eventName = CreateRoute',
  '$.eventName = CreateRouteTable',
  '$.eventName = ReplaceRoute',
  '$.eventName = ReplaceRouteTableAssociation',
  '$.eventName = DeleteRouteTable',
  '$.eventName = DeleteRoute',
  '$.eventName = DisassociateRouteTable'
])
