-- FSBP DynamoDB.3: every DAX cluster is encrypted at rest (DescribeClusters SSEDescription.Status = ENABLED).
-- Encryption at rest can only be chosen when a cluster is created. ENABLING is not yet encrypted and fails.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'DAX cluster ' || c.name || ' is not encrypted at rest (' || coalesce('status ' || c.sse_status, 'no encryption reported') || ')' AS reason,
  c.name AS cluster_name,
  c.sse_status
FROM aws_dax_clusters c
WHERE c.sse_status IS DISTINCT FROM 'ENABLED'
ORDER BY c.account_id, c.region, c.arn;
