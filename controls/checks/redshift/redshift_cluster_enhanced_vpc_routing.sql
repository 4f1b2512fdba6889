-- FSBP Redshift.7: every Redshift cluster uses enhanced VPC routing (EnhancedVpcRouting).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.enhanced_vpc_routing IS NULL THEN 'The VPC routing setting of Redshift cluster ' || c.identifier || ' was not reported' ELSE 'Redshift cluster ' || c.identifier || ' does not use enhanced VPC routing' END AS reason,
  c.identifier AS cluster_identifier
FROM aws_redshift_clusters c
WHERE c.enhanced_vpc_routing IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
