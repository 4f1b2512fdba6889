-- CIS 4.15: an alarmed, subscribed metric filter for AWS Organizations changes on the log group of a multi-region, logging,
-- all-management-events trail. Each term must appear as written here (any order, spacing or quoting); extra
-- terms that narrow the noise are allowed. The chain and its reasons: calabi_cis_monitoring_failures.
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
