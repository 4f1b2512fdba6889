-- FSBP OpenSearch.3, ES.3.
-- Every domain of the service is judged, whatever its engine: the OpenSearch and Elasticsearch APIs both list them all.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'OpenSearch domain ' || d.name || CASE WHEN d.node_to_node_encryption_enabled IS NULL THEN ' did not report its node-to-node encryption' ELSE ' does not encrypt traffic between its nodes' END AS reason,
  d.name AS domain_name,
  d.engine_type,
  d.node_to_node_encryption_enabled
FROM aws_opensearch_domains d
WHERE d.node_to_node_encryption_enabled IS NOT TRUE
ORDER BY d.account_id, d.region, d.arn;
