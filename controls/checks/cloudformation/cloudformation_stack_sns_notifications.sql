-- FSBP CloudFormation.1 (Config rule cloudformation-stack-notification-check): a stack sends its events to at least
-- one SNS topic, so failed or unexpected changes reach someone. Nested stacks are stacks like any other.
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  CASE
    WHEN s.notification_arns IS NULL THEN 'The notification topics of stack ' || s.name || ' were not reported: it cannot be shown to notify anyone (sync again)'
    ELSE 'Stack ' || s.name || ' sends its events to no SNS topic'
  END AS reason,
  s.name AS stack,
  s.status,
  s.parent_id
FROM aws_cloudformation_stacks s
WHERE coalesce(len(s.notification_arns), 0) = 0
ORDER BY s.account_id, s.region, s.name;
