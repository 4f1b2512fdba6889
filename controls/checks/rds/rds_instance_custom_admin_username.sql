-- FSBP RDS.25 (Config rule rds-instance-default-admin-check): the master user name is not a default ('admin',
-- 'postgres', compared case-insensitively). Cluster members, Neptune and DocumentDB are out of scope, as the control
-- says. An unreported user name fails (fail closed).
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN i.master_username IS NULL THEN 'The administrator user name of ' || i.db_instance_identifier || ' is unknown: sync again'
    ELSE 'RDS DB instance ' || i.db_instance_identifier || ' uses the default administrator user name ' || i.master_username
  END AS reason,
  i.db_instance_identifier,
  i.engine,
  i.master_username
FROM aws_rds_db_instances i
WHERE i.db_cluster_identifier IS NULL
  AND coalesce(i.engine, '') NOT IN ('neptune', 'docdb')
  AND (i.master_username IS NULL OR lower(i.master_username) IN ('admin', 'postgres'))
ORDER BY i.account_id, i.region, i.arn;
