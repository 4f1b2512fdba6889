-- An AMI whose launch permissions include the group 'all' can be launched, and its snapshots' data read, by any
-- AWS account. Sharing with named accounts is not public. `public` NULL (not reported) fails: it cannot be shown
-- private.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  CASE
    WHEN i.public IS NULL THEN 'Whether AMI ' || i.image_id || ' is public was not reported: it cannot be shown private (sync again)'
    ELSE 'AMI ' || i.image_id || coalesce(' (' || i.name || ')', '') || ' is public: any AWS account may launch it'
  END AS reason,
  i.image_id,
  i.name,
  i.state,
  i.snapshot_ids
FROM aws_ec2_images i
WHERE i.public IS NOT FALSE
ORDER BY i.account_id, i.region, i.image_id;
