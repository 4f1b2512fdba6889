-- FSBP Redshift.8: no Redshift cluster's admin user is awsuser, the default name (Redshift user names are lowercase, so
-- the comparison is exact).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.master_username IS NULL THEN 'The admin user name of Redshift cluster ' || c.identifier || ' was not reported' ELSE 'Redshift cluster ' || c.identifier || ' uses the default admin user name awsuser' END AS reason,
  c.identifier AS cluster_identifier
FROM aws_redshift_clusters c
WHERE c.master_username IS NULL OR c.master_username = 'awsuser'
ORDER BY c.account_id, c.region, c.arn;
