-- FSBP MSK.1: TLS between brokers (in-cluster connections); serverless clusters always use TLS.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'MSK cluster ' || c.name || CASE WHEN c.in_cluster_encryption IS NULL THEN ' did not report its encryption between brokers'
    ELSE ' sends data between its brokers in plaintext' END AS reason,
  c.name AS cluster_name,
  c.client_broker_encryption
FROM aws_msk_clusters c
WHERE c.cluster_type IS DISTINCT FROM 'SERVERLESS' AND c.in_cluster_encryption IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
