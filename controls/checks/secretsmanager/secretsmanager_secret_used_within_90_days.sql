-- FSBP SecretsManager.3: every Secrets Manager secret was read within 90 days of when the data was collected
-- (LastAccessedDate, which AWS keeps to the day). A secret never read counts from its creation, so a new secret
-- is not unused yet. Replicas follow their primary and are left out.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  CASE
    WHEN coalesce(s.last_accessed_date, s.created_date) IS NULL
      THEN 'Neither the last access nor the creation date of secret ' || coalesce(s.name, s.arn) || ' is known'
    WHEN s.last_accessed_date IS NULL
      THEN 'Secret ' || coalesce(s.name, s.arn) || ' has never been read since it was created on ' || strftime(s.created_date, '%Y-%m-%d')
    ELSE 'Secret ' || coalesce(s.name, s.arn) || ' was last read on ' || strftime(s.last_accessed_date, '%Y-%m-%d')
         || ', ' || date_diff('day', s.last_accessed_date, s.synced_at) || ' days before the sync'
  END AS reason,
  s.name AS secret_name,
  s.last_accessed_date,
  s.created_date
FROM aws_secretsmanager_secrets s
WHERE coalesce(s.raw->>'$.PrimaryRegion', s.region) = s.region
  AND (coalesce(s.last_accessed_date, s.created_date) IS NULL
       OR coalesce(s.last_accessed_date, s.created_date) < s.synced_at - INTERVAL 90 DAY)
ORDER BY s.account_id, s.region, s.arn;
