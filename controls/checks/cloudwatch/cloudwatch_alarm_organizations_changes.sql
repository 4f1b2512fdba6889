-- CIS 4.15: a metric filter for AWS Organizations changes, on the CloudWatch Logs group of a multi-region,
-- logging, all-management-events trail, watched by an alarm that notifies an SNS topic with a confirmed
-- subscription. Each term must appear as written (any order, spacing or quoting); extra terms that narrow
-- the noise are allowed. The chain and its reasons live in calabi_cis_monitoring_failures (schema/sql-objects.ts).
SELECT *
FROM calabi_cis_monitoring_failures([
  '$.eventSource = organizations.amazonaws.com',
  '$.eventName = AcceptHandshake',
  '$.eventName = AttachPolicy',
  '$.eventName = CreateAccount',
  '$.eventName = CreateOrganizationalUnit',
  '$.eventName = CreatePolicy',
  '$.eventName = DeclineHandshake',
  '$.eventName = DeleteOrganization',
  '$.eventName = DeleteOrganizationalUnit',
  '$.eventName = DeletePolicy',
  '$.eventName = DetachPolicy',
  '$.eventName = DisablePolicyType',
  '$.eventName = EnablePolicyType',
  '$.eventName = InviteAccountToOrganization',
  '$.eventName = LeaveOrganization',
  '$.eventName = MoveAccount',
  '$.eventName = RemoveAccountFromOrganization',
  '$.eventName = UpdatePolicy',
  '$.eventName = UpdateOrganizationalUnit'
])
