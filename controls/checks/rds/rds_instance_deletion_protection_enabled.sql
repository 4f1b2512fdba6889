-- FSBP RDS.8: every RDS DB instance has deletion protection enabled. Instances of an Aurora (or other) cluster
-- are left out: their protection is the cluster's (RDS.7), and AWS reports false on them whatever it is.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  'RDS DB instance ' || i.db_instance_identifier || ' has no deletion protection' AS reason,
  i.db_instance_identifier,
  i.engine
FROM aws_rds_db_instances i
WHERE i.db_cluster_identifier IS NULL
  AND i.deletion_protection IS NOT TRUE
ORDER BY i.account_id, i.region, i.arn;
