-- FSBP EMR.1: active clusters only (the collector reads no terminated ones).
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'EMR cluster ' || c.name || ' (' || c.id || ')' || CASE WHEN c.master_public_ips IS NULL THEN ' did not report the addresses of its primary node'
    ELSE ' has a primary node with a public IP address: ' || array_to_string(c.master_public_ips, ', ') END AS reason,
  c.name AS cluster_name,
  c.master_public_ips
FROM aws_emr_clusters c
WHERE c.master_public_ips IS NULL OR len(c.master_public_ips) > 0
ORDER BY c.account_id, c.region, c.arn;
