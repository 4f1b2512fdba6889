-- CIS 5.6: instances that are not on their way out must require IMDSv2 session tokens, or have the metadata
-- endpoint turned off altogether.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  'Instance metadata service accepts IMDSv1 requests (http_tokens = ' || coalesce(i.metadata_http_tokens, 'unknown') || ')' AS reason,
  i.instance_id,
  i.state,
  i.metadata_http_tokens,
  i.metadata_http_endpoint
FROM aws_ec2_instances i
WHERE i.state NOT IN ('terminated', 'shutting-down')
  AND i.metadata_http_tokens IS DISTINCT FROM 'required'
  AND i.metadata_http_endpoint IS DISTINCT FROM 'disabled'
ORDER BY i.account_id, i.region, i.instance_id;
