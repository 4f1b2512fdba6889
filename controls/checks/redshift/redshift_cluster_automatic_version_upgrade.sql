-- FSBP Redshift.6: every Redshift cluster allows automatic major version upgrades (AllowVersionUpgrade).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.allow_version_upgrade IS NULL THEN 'The version upgrade setting of Redshift cluster ' || c.identifier || ' was not reported' ELSE 'Redshift cluster ' || c.identifier || ' does not allow automatic major version upgrades' END AS reason,
  c.identifier AS cluster_identifier
FROM aws_redshift_clusters c
WHERE c.allow_version_upgrade IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
