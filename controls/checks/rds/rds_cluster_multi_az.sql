-- CIS "Multi-AZ deployments are used" for DB clusters. AWS's MultiAZ flag on a cluster means "has instances in
-- more than one availability zone", which is what availability needs: an Aurora cluster whose only instance
-- (or all instances) sit in one zone has no failover target elsewhere, even though its storage spans three
-- zones. The member zones (from aws_rds_db_instances) are evidence. NULL fails with its own reason.
WITH zones AS (
  SELECT account_id, region, db_cluster_identifier, list_sort(list_distinct(list(availability_zone))) AS member_zones
  FROM aws_rds_db_instances
  WHERE db_cluster_identifier IS NOT NULL
  GROUP BY ALL
)
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.multi_az IS NULL THEN 'AWS did not report whether the DB cluster spans availability zones; treat it as single-AZ until confirmed'
    WHEN coalesce(len(c.member_instance_ids), 0) = 0 THEN 'DB cluster has no DB instances: nothing serves it in a second availability zone'
    ELSE 'DB cluster has its instances in a single availability zone: add a reader in another zone as a failover target'
  END AS reason,
  c.db_cluster_identifier,
  c.engine,
  c.member_instance_ids,
  z.member_zones,
  c.multi_az
FROM aws_rds_db_clusters c
LEFT JOIN zones z ON z.account_id = c.account_id AND z.region = c.region AND z.db_cluster_identifier = c.db_cluster_identifier
WHERE c.multi_az IS NOT TRUE
ORDER BY c.account_id, c.region, c.db_cluster_identifier;
