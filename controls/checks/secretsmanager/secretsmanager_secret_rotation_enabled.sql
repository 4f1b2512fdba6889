-- FSBP SecretsManager.1: every Secrets Manager secret has automatic rotation enabled (ListSecrets RotationEnabled).
-- A replica (PrimaryRegion names another region) is judged in its primary region, where rotation is configured.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'Secrets Manager secret ' || coalesce(s.name, s.arn) || ' has no automatic rotation' AS reason,
  s.name AS secret_name
FROM aws_secretsmanager_secrets s
WHERE s.rotation_enabled IS NOT TRUE
  AND coalesce(s.raw->>'$.PrimaryRegion', s.region) = s.region
ORDER BY s.account_id, s.region, s.arn;
