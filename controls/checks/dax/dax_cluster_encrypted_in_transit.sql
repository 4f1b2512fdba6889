-- FSBP DynamoDB.7: every DAX cluster encrypts connections to its endpoint (ClusterEndpointEncryptionType = TLS).
-- AWS reports NONE for a cluster created without TLS; anything but TLS fails.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'DAX cluster ' || c.name || ' does not encrypt client connections (endpoint encryption ' || coalesce(c.endpoint_encryption_type, 'not reported') || ')' AS reason,
  c.name AS cluster_name,
  c.endpoint_encryption_type
FROM aws_dax_clusters c
WHERE c.endpoint_encryption_type IS DISTINCT FROM 'TLS'
ORDER BY c.account_id, c.region, c.arn;
