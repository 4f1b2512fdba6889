-- FSBP EKS.3: every EKS cluster envelope-encrypts Kubernetes secrets with a KMS key (an encryptionConfig entry
-- whose resources include 'secrets').
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'EKS cluster ' || c.name || ' does not encrypt Kubernetes secrets with a KMS key' AS reason,
  c.name AS cluster_name
FROM aws_eks_clusters c
WHERE c.secrets_encryption_key_arn IS NULL
ORDER BY c.account_id, c.region, c.arn;
