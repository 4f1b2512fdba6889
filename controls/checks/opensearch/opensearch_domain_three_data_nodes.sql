-- FSBP OpenSearch.6, ES.6 (at least three data nodes and zone awareness, as the Config rule behind them).
-- Every domain of the service is judged, whatever its engine: the OpenSearch and Elasticsearch APIs both list them all.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'OpenSearch domain ' || d.name || ' has ' || coalesce(d.instance_count::VARCHAR, 'an unreported number of') || ' data node(s)' || CASE WHEN d.zone_awareness_enabled IS TRUE THEN ' (at least 3 needed)' ELSE ', without zone awareness' END AS reason,
  d.name AS domain_name,
  d.engine_type,
  d.instance_count,
  d.zone_awareness_enabled
FROM aws_opensearch_domains d
WHERE coalesce(d.instance_count, 0) < 3 OR d.zone_awareness_enabled IS NOT TRUE
ORDER BY d.account_id, d.region, d.arn;
