-- FSBP Redshift.9: no Redshift cluster's initial database is named dev, the default (DBName).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.db_name IS NULL THEN 'The database name of Redshift cluster ' || c.identifier || ' was not reported' ELSE 'Redshift cluster ' || c.identifier || ' uses the default database name dev' END AS reason,
  c.identifier AS cluster_identifier
FROM aws_redshift_clusters c
WHERE c.db_name IS NULL OR c.db_name = 'dev'
ORDER BY c.account_id, c.region, c.arn;
