-- CIS 4.14: an alarmed, subscribed metric filter for VPC changes on the log group of a multi-region, logging,
-- all-management-events trail. Each term must appear as written here (any order, spacing or quoting); extra
-- terms that narrow the noise are allowed. The chain and its reasons: calabi_cis_monitoring_failures.
SELECT *
FROM calabi_cis_monitoring_failures([
  '$.eventName = CreateVpc',
  '$.eventName = DeleteVpc',
  '$.eventName = ModifyVpcAttribute',
  '$.eventName = AcceptVpcPeeringConnection',
  '$.eventName = CreateVpcPeeringConnection',
  '$.eventName = DeleteVpcPeeringConnection',
  '$.eventName = RejectVpcPeeringConnection',
  '$.eventName = AttachClassicLinkVpc',
  '$.eventName = DetachClassicLinkVpc',
  '$.eventName = DisableVpcClassicLink',
  '$.eventName = EnableVpcClassicLink'
])
