-- Every EBS volume is encrypted at rest (DescribeVolumes Encrypted), attached or not: a detached volume still holds
-- the data it was written with (FSBP EC2.3 judges attached volumes only: ec2_attached_volume_encrypted).
SELECT
  v.arn AS resource_id,
  v.account_id,
  v.region,
  CASE
    WHEN v.encrypted IS NULL THEN 'Whether volume ' || v.volume_id || ' is encrypted is unknown: sync again'
    WHEN len(coalesce(v.attached_instance_ids, [])) = 0 THEN 'Volume ' || v.volume_id || ' (not attached) is not encrypted'
    ELSE 'Volume ' || v.volume_id || ' (attached to ' || array_to_string(v.attached_instance_ids, ', ') || ') is not encrypted'
  END AS reason,
  v.volume_id,
  v.state
FROM aws_ec2_volumes v
WHERE v.encrypted IS NOT TRUE
ORDER BY v.account_id, v.region, v.volume_id;
