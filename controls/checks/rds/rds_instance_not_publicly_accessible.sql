-- AWS always reports PubliclyAccessible; NULL means the inventory does not know, and an unknown exposure is
-- not a pass (it fails with its own reason). AWS's own default for an instance in a default VPC is public.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE
    WHEN d.publicly_accessible IS NULL THEN 'AWS did not report whether the DB instance is publicly accessible; treat it as public until confirmed'
    ELSE 'DB instance is publicly accessible: its endpoint resolves to a public IP address'
  END AS reason,
  d.db_instance_identifier,
  d.engine,
  d.vpc_id,
  d.endpoint_address,
  d.publicly_accessible
FROM aws_rds_db_instances d
WHERE d.publicly_accessible IS NOT FALSE
ORDER BY d.account_id, d.region, d.db_instance_identifier;
