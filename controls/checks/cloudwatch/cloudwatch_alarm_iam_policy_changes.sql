-- CIS 4.4: an alarmed, subscribed metric filter for IAM policy changes on the log group of a multi-region, logging,
-- all-management-events trail. Each term must appear as written here (any order, spacing or quoting); extra
-- terms that narrow the noise are allowed. The chain and its reasons: calabi_cis_monitoring_failures.
SELECT *
FROM calabi_cis_monitoring_failures([
  '$.eventName = DeleteGroupPolicy',
  '$.eventName = DeleteRolePolicy',
  '$.eventName = DeleteUserPolicy',
  '$.eventName = PutGroupPolicy',
  '$.eventName = PutRolePolicy',
  '$.eventName = PutUserPolicy',
  '$.eventName = CreatePolicy',
  '$.eventName = DeletePolicy',
  '$.eventName = CreatePolicyVersion',
  '$.eventName = DeletePolicyVersion',
  '$.eventName = AttachRolePolicy',
  '$.eventName = DetachRolePolicy',
  '$.eventName = AttachUserPolicy',
  '$.eventName = DetachUserPolicy',
  '$.eventName = AttachGroupPolicy',
  '$.eventName = DetachGroupPolicy'
])
