-- FSBP KMS.1 (Config rule iam-customer-policy-blocked-kms-actions with kms:Decrypt and kms:ReEncryptFrom): no
-- customer managed policy has an Allow statement letting either action act on every KMS key, attached or not.
-- Which statements do is derived at sync time from the normalised default version (sync/policy/kms-decrypt.ts:
-- action and resource wildcards matched as IAM does, conditions not evaluated, as in the rule); a document that
-- could not be analysed (NULL) fails. AWS managed policies are out of the rule's scope.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  CASE
    WHEN p.kms_decrypt_all_keys_statements IS NULL THEN 'Customer managed policy ' || p.policy_name || ' could not be analysed (its document is unknown): sync again'
    ELSE 'Customer managed policy ' || p.policy_name || ' allows kms:Decrypt or kms:ReEncryptFrom on every KMS key (statement ' || array_to_string(p.kms_decrypt_all_keys_statements, ', ') || ')'
  END AS reason,
  p.policy_name,
  p.attachment_count,
  p.kms_decrypt_all_keys_statements AS statements
FROM aws_iam_policies p
WHERE p.is_aws_managed IS NOT TRUE
  AND (p.kms_decrypt_all_keys_statements IS NULL OR len(p.kms_decrypt_all_keys_statements) > 0)
ORDER BY p.account_id, p.arn;
