-- FSBP AutoScaling.3: no metadata options, or tokens optional, allows IMDSv1.
SELECT
  l.arn AS resource_id,
  l.account_id,
  l.region,
  'Auto Scaling launch configuration ' || l.name || CASE WHEN l.http_tokens IS NULL THEN ' sets no metadata options: IMDSv1 is allowed'
    ELSE ' allows IMDSv1 (HttpTokens ' || l.http_tokens || ')' END AS reason,
  l.name AS launch_configuration_name
FROM aws_autoscaling_launch_configurations l
WHERE l.http_tokens IS DISTINCT FROM 'required'
ORDER BY l.account_id, l.region, l.arn;
