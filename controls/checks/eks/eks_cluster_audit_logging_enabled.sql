-- FSBP EKS.8: every EKS cluster has control plane audit logging enabled (the 'audit' log type in an enabled
-- clusterLogging entry).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'EKS cluster ' || c.name || ' does not send audit logs to CloudWatch Logs (enabled: '
    || coalesce(nullif(array_to_string(c.enabled_log_types, ', '), ''), 'none') || ')' AS reason,
  c.name AS cluster_name,
  c.enabled_log_types
FROM aws_eks_clusters c
WHERE NOT list_contains(coalesce(c.enabled_log_types, []), 'audit')
ORDER BY c.account_id, c.region, c.arn;
