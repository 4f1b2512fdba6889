-- FSBP OpenSearch.2, ES.2 (AWS judges "not publicly accessible" as: the domain runs in a VPC).
-- Every domain of the service is judged, whatever its engine: the OpenSearch and Elasticsearch APIs both list them all.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'OpenSearch domain ' || d.name || ' has a public endpoint (not in a VPC)' AS reason,
  d.name AS domain_name,
  d.engine_type
FROM aws_opensearch_domains d
WHERE d.subnet_ids IS NULL
ORDER BY d.account_id, d.region, d.arn;
