-- FSBP KMS.2 (Config rule iam-inline-policy-blocked-kms-actions with kms:Decrypt and kms:ReEncryptFrom): no user,
-- group or role has an inline policy with an Allow statement letting either action act on every KMS key. Which
-- inline policies do is derived at sync time (sync/policy/kms-decrypt.ts: wildcards matched as IAM does,
-- conditions not evaluated, as in the rule); a principal whose inline policies could not be analysed fails.
-- One row per principal and inline policy.
SELECT x.arn AS resource_id, x.account_id, x.region,
       CASE WHEN x.kms IS NULL THEN 'The ' || x.what || ' has inline policies that could not be analysed: sync again'
            ELSE 'Inline policy ' || name || ' of the ' || x.what || ' allows kms:Decrypt or kms:ReEncryptFrom on every KMS key' END AS reason,
       x.kind AS principal_type,
       name AS policy_name
FROM (
  SELECT arn, account_id, region, 'user' AS kind, 'user ' || user_name AS what, kms_decrypt_inline_policies AS kms, inline_policy_names AS names FROM aws_iam_users
  UNION ALL
  SELECT arn, account_id, region, 'group', 'group ' || group_name, kms_decrypt_inline_policies, inline_policy_names FROM aws_iam_groups
  UNION ALL
  SELECT arn, account_id, region, 'role', 'role ' || role_name, kms_decrypt_inline_policies, inline_policy_names FROM aws_iam_roles
) x, unnest(coalesce(x.kms, [NULL::VARCHAR])) AS t(name)
WHERE len(x.kms) > 0 OR (x.kms IS NULL AND len(coalesce(x.names, [])) > 0)
ORDER BY x.account_id, x.arn, name;
