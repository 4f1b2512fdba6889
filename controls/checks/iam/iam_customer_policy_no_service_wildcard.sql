-- FSBP IAM.21 (Config rule iam-policy-no-statements-with-full-access): no customer managed policy has an Allow
-- statement granting every action of a service ("ec2:*", "*", a NotAction that leaves services whole), attached or
-- not, as the rule judges every customer managed policy. "ec2:Describe*" passes. Which statements do is derived at
-- sync time from the normalised default version (sync/policy/service-wildcard.ts); a document that could not be
-- analysed (NULL) fails. AWS managed policies and inline policies are out of the rule's scope.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  CASE
    WHEN p.service_wildcard_statements IS NULL THEN 'Customer managed policy ' || p.policy_name || ' could not be analysed (its document is unknown): sync again'
    ELSE 'Customer managed policy ' || p.policy_name || ' allows every action of a service (statement ' || array_to_string(p.service_wildcard_statements, ', ') || ')'
  END AS reason,
  p.policy_name,
  p.attachment_count,
  p.service_wildcard_statements AS statements
FROM aws_iam_policies p
WHERE p.is_aws_managed IS NOT TRUE
  AND (p.service_wildcard_statements IS NULL OR len(p.service_wildcard_statements) > 0)
ORDER BY p.account_id, p.arn;
