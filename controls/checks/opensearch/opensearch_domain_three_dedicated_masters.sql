-- FSBP ES.7.
-- Every domain of the service is judged, whatever its engine: the OpenSearch and Elasticsearch APIs both list them all.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'OpenSearch domain ' || d.name || CASE WHEN d.dedicated_master_enabled IS NOT TRUE THEN ' has no dedicated master nodes' ELSE ' has ' || coalesce(d.dedicated_master_count::VARCHAR, 'an unreported number of') || ' dedicated master node(s), fewer than 3' END AS reason,
  d.name AS domain_name,
  d.engine_type,
  d.dedicated_master_enabled,
  d.dedicated_master_count
FROM aws_opensearch_domains d
WHERE d.dedicated_master_enabled IS NOT TRUE OR coalesce(d.dedicated_master_count, 0) < 3
ORDER BY d.account_id, d.region, d.arn;
