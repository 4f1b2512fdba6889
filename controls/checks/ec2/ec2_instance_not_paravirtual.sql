-- FSBP EC2.24 (Config rule ec2-paravirtual-instance-check): no instance uses paravirtual (PV) virtualization.
-- Terminated and terminating instances are gone and left out. A type AWS did not report fails: unknown is not HVM.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN i.virtualization_type IS NULL THEN 'Instance ' || i.instance_id || ' has no virtualization type in the inventory: sync again'
    ELSE 'Instance ' || i.instance_id || ' (' || coalesce(i.instance_type, 'unknown type') || ') uses paravirtual virtualization'
  END AS reason,
  i.instance_id,
  i.instance_type,
  i.image_id,
  i.virtualization_type
FROM aws_ec2_instances i
WHERE i.state NOT IN ('terminated', 'shutting-down')
  AND (i.virtualization_type IS NULL OR lower(i.virtualization_type) = 'paravirtual')
ORDER BY i.account_id, i.region, i.instance_id;
