-- FSBP SecretsManager.2: every secret with automatic rotation rotated when its schedule said (AWS Config
-- secretsmanager-scheduled-rotation-success-check: NON_COMPLIANT once the date Secrets Manager calculated for the
-- rotation passes and the secret was not rotated). After each successful rotation Secrets Manager moves
-- NextRotationDate forward (last rotation + interval), so a NextRotationDate whose rotation window has closed before
-- the sync means the scheduled rotation did not succeed. A window closes at the latest at the end of its UTC day
-- (Secrets Manager rotation windows never run into the next UTC day). Secrets without rotation are
-- SecretsManager.1's matter; a rotating secret whose next date AWS did not report fails as unknown. Replicas follow
-- their primary and are left out.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  CASE
    WHEN s.next_rotation_date IS NULL
      THEN 'Secret ' || coalesce(s.name, s.arn) || ' has automatic rotation on but no next rotation date was reported'
    ELSE 'Secret ' || coalesce(s.name, s.arn) || ' was due to rotate on ' || strftime(s.next_rotation_date, '%Y-%m-%d')
         || ' and has not rotated since (last rotation: ' || coalesce(strftime(s.last_rotated_date, '%Y-%m-%d'), 'never') || ')'
  END AS reason,
  s.name AS secret_name,
  s.next_rotation_date,
  s.last_rotated_date,
  s.rotation_interval_days
FROM aws_secretsmanager_secrets s
WHERE s.rotation_enabled
  AND coalesce(s.raw->>'$.PrimaryRegion', s.region) = s.region
  AND (s.next_rotation_date IS NULL OR date_trunc('day', s.next_rotation_date) + INTERVAL 1 DAY <= s.synced_at)
ORDER BY s.account_id, s.region, s.arn;
