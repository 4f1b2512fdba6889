-- FSBP RDS.39 (Config rule rds-mysql-instance-encrypted-in-transit): every parameter group of an RDS for MySQL DB instance outside a cluster (the
-- control leaves cluster members out) sets require_secure_transport on (1), so the instance refuses unencrypted connections. An
-- instance that reports no group, a group not read (not in aws_rds_db_parameter_groups), and a group that does not
-- report the parameter fail (fail closed).
WITH used AS (
  SELECT i.arn, i.account_id, i.region, i.db_instance_identifier, i.engine, g.group_name, pg.name IS NOT NULL AS group_read, pg.require_secure_transport AS flag
  FROM aws_rds_db_instances i
  LEFT JOIN (SELECT account_id, arn, unnest(db_parameter_groups) AS group_name FROM aws_rds_db_instances) g
    ON g.account_id = i.account_id AND g.arn = i.arn
  LEFT JOIN aws_rds_db_parameter_groups pg
    ON pg.account_id = i.account_id AND pg.region = i.region AND pg.name = g.group_name
  WHERE i.engine = 'mysql' AND i.db_cluster_identifier IS NULL
),
judged AS (
  SELECT
    arn, account_id, region, db_instance_identifier, engine,
    list(group_name ORDER BY group_name) FILTER (WHERE group_name IS NOT NULL) AS parameter_groups,
    list(group_name ORDER BY group_name) FILTER (WHERE group_name IS NOT NULL AND NOT group_read) AS groups_not_read,
    list(group_name ORDER BY group_name) FILTER (WHERE group_read AND flag IS NOT TRUE) AS groups_not_requiring_tls
  FROM used
  GROUP BY arn, account_id, region, db_instance_identifier, engine
)
SELECT
  j.arn AS resource_id,
  j.account_id,
  j.region,
  CASE
    WHEN j.parameter_groups IS NULL THEN 'RDS DB instance ' || j.db_instance_identifier || ' reports no DB parameter group: sync again'
    WHEN j.groups_not_read IS NOT NULL THEN 'The DB parameter group(s) ' || array_to_string(j.groups_not_read, ', ') || ' of ' || j.db_instance_identifier || ' were not read: sync again'
    ELSE 'The DB parameter group(s) ' || array_to_string(j.groups_not_requiring_tls, ', ') || ' of ' || j.db_instance_identifier || ' do not set require_secure_transport to 1'
  END AS reason,
  j.db_instance_identifier,
  j.engine,
  j.parameter_groups
FROM judged j
WHERE j.parameter_groups IS NULL OR j.groups_not_read IS NOT NULL OR j.groups_not_requiring_tls IS NOT NULL
ORDER BY j.account_id, j.region, j.arn;
