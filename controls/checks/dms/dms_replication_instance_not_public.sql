-- FSBP DMS.1.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  'DMS replication instance ' || i.identifier || CASE WHEN i.publicly_accessible IS NULL THEN ' did not report whether it is publicly accessible'
    ELSE ' is publicly accessible' END AS reason,
  i.identifier AS replication_instance
FROM aws_dms_replication_instances i
WHERE i.publicly_accessible IS NOT FALSE
ORDER BY i.account_id, i.region, i.arn;
