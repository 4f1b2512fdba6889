-- FSBP S3.11 (Config rule s3-event-notifications-enabled, no parameters): the bucket sends event notifications to at
-- least one destination. S3 names four kinds of destination: SNS topics, SQS queues, Lambda functions and
-- EventBridge (which, once on, receives every event of the bucket); any of them counts.
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN n.arn IS NULL THEN 'The event notification configuration of this bucket was not collected'
    ELSE 'The bucket sends no event notifications (no SNS, SQS, Lambda or EventBridge destination)'
  END AS reason,
  b.name AS bucket
FROM aws_s3_buckets b
LEFT JOIN aws_s3_bucket_notifications n ON n.account_id = b.account_id AND n.arn = b.arn
WHERE n.arn IS NULL
   OR NOT (n.topic_count > 0 OR n.queue_count > 0 OR n.lambda_function_count > 0 OR n.eventbridge_enabled IS TRUE)
ORDER BY b.account_id, b.name;
