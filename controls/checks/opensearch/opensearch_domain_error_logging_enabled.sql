-- FSBP OpenSearch.4, ES.4.
-- Every domain of the service is judged, whatever its engine: the OpenSearch and Elasticsearch APIs both list them all.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'OpenSearch domain ' || d.name || ' does not send error logs to CloudWatch Logs' AS reason,
  d.name AS domain_name,
  d.engine_type
FROM aws_opensearch_domains d
WHERE d.error_log_enabled IS NOT TRUE
ORDER BY d.account_id, d.region, d.arn;
