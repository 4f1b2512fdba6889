-- FSBP Redshift.10: every Redshift cluster is encrypted at rest (Encrypted).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.encrypted IS NULL THEN 'The encryption of Redshift cluster ' || c.identifier || ' was not reported' ELSE 'Redshift cluster ' || c.identifier || ' is not encrypted at rest' END AS reason,
  c.identifier AS cluster_identifier
FROM aws_redshift_clusters c
WHERE c.encrypted IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
