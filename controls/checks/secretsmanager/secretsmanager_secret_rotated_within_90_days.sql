-- FSBP SecretsManager.4: every Secrets Manager secret was rotated within 90 days of when the data was collected
-- (synced_at, so re-evaluating old data gives the same verdict). A secret never rotated counts from its creation:
-- a 10-day-old secret is as fresh as one rotated 10 days ago. Replicas follow their primary and are left out.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  CASE
    WHEN coalesce(s.last_rotated_date, s.created_date) IS NULL
      THEN 'Neither the last rotation nor the creation date of secret ' || coalesce(s.name, s.arn) || ' is known'
    WHEN s.last_rotated_date IS NULL
      THEN 'Secret ' || coalesce(s.name, s.arn) || ' has never been rotated since it was created on ' || strftime(s.created_date, '%Y-%m-%d')
           || ', ' || date_diff('day', s.created_date, s.synced_at) || ' days before the sync'
    ELSE 'Secret ' || coalesce(s.name, s.arn) || ' was last rotated on ' || strftime(s.last_rotated_date, '%Y-%m-%d')
         || ', ' || date_diff('day', s.last_rotated_date, s.synced_at) || ' days before the sync'
  END AS reason,
  s.name AS secret_name,
  s.last_rotated_date,
  s.created_date,
  s.rotation_enabled
FROM aws_secretsmanager_secrets s
WHERE coalesce(s.raw->>'$.PrimaryRegion', s.region) = s.region
  AND (coalesce(s.last_rotated_date, s.created_date) IS NULL
       OR coalesce(s.last_rotated_date, s.created_date) < s.synced_at - INTERVAL 90 DAY)
ORDER BY s.account_id, s.region, s.arn;
