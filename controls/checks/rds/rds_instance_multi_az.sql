-- CIS "Multi-AZ deployments are used" for DB instances that stand alone. Members of a DB cluster (Aurora, Multi-AZ
-- DB clusters) get their availability from the cluster and are judged by rds_cluster_multi_az instead. AWS
-- always reports MultiAZ; NULL means the inventory does not know, which fails with its own reason.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE
    WHEN d.multi_az IS NULL THEN 'AWS did not report whether the DB instance is Multi-AZ; treat it as single-AZ until confirmed'
    ELSE 'DB instance runs in a single availability zone (' || coalesce(d.availability_zone, 'zone unknown') || '): no standby takes over when the zone fails'
  END AS reason,
  d.db_instance_identifier,
  d.engine,
  d.availability_zone,
  d.multi_az
FROM aws_rds_db_instances d
WHERE d.db_cluster_identifier IS NULL
  AND d.multi_az IS NOT TRUE
ORDER BY d.account_id, d.region, d.db_instance_identifier;
