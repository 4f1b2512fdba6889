-- CIS "IAM instance roles are used for AWS resource access from instances": a pending or running instance
-- without an IAM instance profile has no role credentials, so whatever calls AWS from it uses long-term keys
-- stored on the instance. Stopped instances are out of scope until they run again.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  'Instance ' || i.instance_id || coalesce(' (' || (i.tags->>'Name') || ')', '') || ' is ' || i.state || ' without an IAM instance profile' AS reason,
  i.instance_id,
  i.state,
  i.vpc_id,
  i.tags->>'Name' AS name
FROM aws_ec2_instances i
WHERE i.state IN ('pending', 'running')
  AND i.iam_instance_profile_arn IS NULL
ORDER BY i.account_id, i.region, i.instance_id;
