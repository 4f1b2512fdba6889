-- FSBP OpenSearch.1, ES.1.
-- Every domain of the service is judged, whatever its engine: the OpenSearch and Elasticsearch APIs both list them all.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'OpenSearch domain ' || d.name || CASE WHEN d.encryption_at_rest_enabled IS NULL THEN ' did not report its encryption at rest' ELSE ' is not encrypted at rest' END AS reason,
  d.name AS domain_name,
  d.engine_type,
  d.encryption_at_rest_enabled
FROM aws_opensearch_domains d
WHERE d.encryption_at_rest_enabled IS NOT TRUE
ORDER BY d.account_id, d.region, d.arn;
