-- FSBP Cognito.1: full-function enforcement (ENFORCED) for standard authentication, the control's default.
SELECT
  p.arn AS resource_id,
  p.account_id,
  p.region,
  'Cognito user pool ' || coalesce(p.name, p.user_pool_id) || CASE
    WHEN p.configuration_read IS NOT TRUE THEN ' did not report its configuration'
    WHEN p.advanced_security_mode IS NULL THEN ' has no threat protection'
    ELSE ' has threat protection in mode ' || p.advanced_security_mode || ', not ENFORCED' END AS reason,
  p.user_pool_id,
  p.advanced_security_mode
FROM aws_cognito_user_pools p
WHERE p.configuration_read IS NOT TRUE OR p.advanced_security_mode IS DISTINCT FROM 'ENFORCED'
ORDER BY p.account_id, p.region, p.arn;
