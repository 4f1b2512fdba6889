-- FSBP OpenSearch.8, ES.8: HTTPS enforced with the latest TLS security policy, Policy-Min-TLS-1-2-PFS-2023-10 (the policy AWS's own remediation runbook for the control applies).
-- Every domain of the service is judged, whatever its engine: the OpenSearch and Elasticsearch APIs both list them all.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  'OpenSearch domain ' || d.name || CASE WHEN d.enforce_https IS NOT TRUE THEN ' does not enforce HTTPS' ELSE ' uses TLS security policy ' || coalesce(d.tls_security_policy, 'not reported') || ', not Policy-Min-TLS-1-2-PFS-2023-10' END AS reason,
  d.name AS domain_name,
  d.engine_type,
  d.enforce_https,
  d.tls_security_policy
FROM aws_opensearch_domains d
WHERE d.enforce_https IS NOT TRUE OR d.tls_security_policy IS DISTINCT FROM 'Policy-Min-TLS-1-2-PFS-2023-10'
ORDER BY d.account_id, d.region, d.arn;
