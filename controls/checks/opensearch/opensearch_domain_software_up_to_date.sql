-- FSBP OpenSearch.10.
-- Every domain of the service is judged, whatever its engine: the OpenSearch and Elasticsearch APIs both list them all.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'OpenSearch domain ' || d.name || CASE WHEN d.update_available IS NULL THEN ' did not report whether a service software update is waiting' ELSE ' has a service software update waiting' END AS reason,
  d.name AS domain_name,
  d.engine_type
FROM aws_opensearch_domains d
WHERE d.update_available IS NOT FALSE
ORDER BY d.account_id, d.region, d.arn;
