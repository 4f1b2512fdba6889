-- FSBP AutoScaling.4: an unset hop limit is AWS's default of 1; a row whose metadata options were not read fails.
SELECT
  l.arn AS resource_id,
  l.account_id,
  l.region,
  'Auto Scaling launch configuration ' || l.name || CASE WHEN l.metadata_options_set IS NULL THEN ' did not report its metadata options'
    ELSE ' has a metadata response hop limit of ' || l.http_put_response_hop_limit END AS reason,
  l.name AS launch_configuration_name,
  l.http_put_response_hop_limit
FROM aws_autoscaling_launch_configurations l
WHERE l.metadata_options_set IS NULL OR l.http_put_response_hop_limit > 1
ORDER BY l.account_id, l.region, l.arn;
