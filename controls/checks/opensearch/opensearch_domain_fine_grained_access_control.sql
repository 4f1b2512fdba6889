-- FSBP OpenSearch.7.
-- Every domain of the service is judged, whatever its engine: the OpenSearch and Elasticsearch APIs both list them all.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'OpenSearch domain ' || d.name || CASE WHEN d.fine_grained_access_control_enabled IS NULL THEN ' did not report its fine-grained access control' ELSE ' does not have fine-grained access control enabled' END AS reason,
  d.name AS domain_name,
  d.engine_type
FROM aws_opensearch_domains d
WHERE d.fine_grained_access_control_enabled IS NOT TRUE
ORDER BY d.account_id, d.region, d.arn;
