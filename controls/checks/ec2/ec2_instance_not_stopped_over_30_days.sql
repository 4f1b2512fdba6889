-- FSBP EC2.4: no EC2 instance has been stopped for more than 30 days (Security Hub's default AllowedDays) when the
-- data was collected (synced_at). The stop time is parsed at sync from StateTransitionReason (stopped_at,
-- sync/ec2/stop-time.ts); a stopped instance whose reason carries no time fails with its own reason rather than
-- passing, since how long it has been stopped is unknown.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN i.stopped_at IS NULL
      THEN 'EC2 instance ' || i.instance_id || ' is ' || i.state || ' and when it stopped is unknown (StateTransitionReason: '
           || coalesce(nullif(i.state_transition_reason, ''), 'none') || ')'
    ELSE 'EC2 instance ' || i.instance_id || ' has been stopped since ' || strftime(i.stopped_at, '%Y-%m-%d')
         || ', ' || date_diff('day', i.stopped_at, i.synced_at) || ' days before the sync'
  END AS reason,
  i.instance_id,
  i.state,
  i.stopped_at,
  i.state_transition_reason
FROM aws_ec2_instances i
WHERE i.state IN ('stopped', 'stopping')
  AND (i.stopped_at IS NULL OR i.stopped_at < i.synced_at - INTERVAL 30 DAY)
ORDER BY i.account_id, i.region, i.arn;
