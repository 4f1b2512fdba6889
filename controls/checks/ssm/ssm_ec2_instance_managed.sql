-- FSBP SSM.1 (Config rule ec2-instance-managed-by-systems-manager): a running EC2 instance must be a node
-- Systems Manager manages, with its agent answering. The rule is NON_COMPLIANT when an instance is running and
-- its agent is stopped or gone, and never for a stopped instance, so only running instances are judged.
-- DescribeInstanceInformation (aws_ssm_managed_instances) lists the managed nodes: an instance missing there is
-- not managed; PingStatus ConnectionLost (agent stopped) or Inactive (deregistered) fails too.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN m.instance_id IS NULL THEN 'Running instance ' || i.instance_id || ' is not managed by Systems Manager (not in DescribeInstanceInformation)'
    ELSE 'Running instance ' || i.instance_id || ' is registered with Systems Manager but its agent is ' || coalesce(m.ping_status, 'of unknown status')
  END AS reason,
  i.instance_id,
  m.ping_status,
  m.last_ping_date_time,
  m.agent_version
FROM aws_ec2_instances i
LEFT JOIN aws_ssm_managed_instances m
  ON m.account_id = i.account_id AND m.region = i.region AND m.instance_id = i.instance_id
WHERE i.state = 'running'
  AND m.ping_status IS DISTINCT FROM 'Online'
ORDER BY i.account_id, i.region, i.instance_id;
