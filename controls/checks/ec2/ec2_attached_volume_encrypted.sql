-- FSBP EC2.3: every EBS volume attached to an instance is encrypted (DescribeVolumes Encrypted). Detached
-- volumes are not in scope of this control.
SELECT
  v.arn AS resource_id,
  v.account_id,
  v.region,
  'EBS volume ' || v.volume_id || ' attached to ' || array_to_string(v.attached_instance_ids, ', ') || ' is not encrypted' AS reason,
  v.volume_id,
  v.attached_instance_ids
FROM aws_ec2_volumes v
WHERE len(coalesce(v.attached_instance_ids, [])) > 0
  AND v.encrypted IS NOT TRUE
ORDER BY v.account_id, v.region, v.arn;
