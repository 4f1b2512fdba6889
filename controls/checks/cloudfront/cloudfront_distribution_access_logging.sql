-- CIS "AWS-managed web front ends have access logging": a CloudFront distribution logs its requests through
-- legacy standard logging (to S3) or standard logging v2 (a CloudWatch Logs delivery whose source is the
-- distribution). Either is enough. NULL means one of the two could not be read while the other was off:
-- unknown fails with its own reason.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE
    WHEN d.access_logging_enabled IS NULL THEN 'The logging configuration of this distribution could not be read completely; treat it as not logging until confirmed'
    ELSE 'Distribution ' || coalesce(d.domain_name, d.id) || ' has no access logging: neither standard logging to S3 nor a standard logging v2 delivery'
  END AS reason,
  d.id,
  d.domain_name,
  d.aliases,
  d.enabled,
  d.legacy_logging_enabled,
  d.v2_log_destinations
FROM aws_cloudfront_distributions d
WHERE d.access_logging_enabled IS NOT TRUE
ORDER BY d.account_id, d.arn;
