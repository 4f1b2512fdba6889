-- FSBP Redshift.1: no Redshift cluster is publicly accessible (PubliclyAccessible); a setting not reported fails.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.publicly_accessible IS NULL THEN 'The public accessibility of Redshift cluster ' || c.identifier || ' was not reported' ELSE 'Redshift cluster ' || c.identifier || ' is publicly accessible' END AS reason,
  c.identifier AS cluster_identifier
FROM aws_redshift_clusters c
WHERE c.publicly_accessible IS NOT FALSE
ORDER BY c.account_id, c.region, c.arn;
