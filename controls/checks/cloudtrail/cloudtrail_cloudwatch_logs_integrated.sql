-- CIS 1.x 3.4: every trail delivers to CloudWatch Logs, and CloudTrail reports a delivery less than a day before
-- the data was collected (synced_at, so re-evaluating old data gives the same verdict) and no delivery error.
-- A trail that has never delivered (no LatestCloudWatchLogsDeliveryTime) does not pass: the audit asks for a
-- recent delivery, and a log group configured but never written to catches nothing.
SELECT t.arn AS resource_id, t.account_id, t.region,
       CASE
         WHEN t.cloudwatch_logs_log_group_arn IS NULL THEN 'Trail ' || t.name || ' does not deliver to CloudWatch Logs'
         WHEN t.latest_cloudwatch_logs_delivery_error IS NOT NULL
           THEN 'Trail ' || t.name || ' reports a CloudWatch Logs delivery error: ' || t.latest_cloudwatch_logs_delivery_error
         WHEN t.latest_cloudwatch_logs_delivery_time IS NULL
           THEN 'Trail ' || t.name || ' has never delivered to CloudWatch Logs (GetTrailStatus reports no delivery)'
         ELSE 'Trail ' || t.name || ' last delivered to CloudWatch Logs at ' || strftime(t.latest_cloudwatch_logs_delivery_time, '%Y-%m-%d %H:%M UTC')
              || ', more than a day before the sync'
       END AS reason,
       t.name AS trail_name, t.cloudwatch_logs_log_group_arn, t.latest_cloudwatch_logs_delivery_time,
       t.latest_cloudwatch_logs_delivery_error
FROM aws_cloudtrail_trails t
WHERE t.cloudwatch_logs_log_group_arn IS NULL
   OR t.latest_cloudwatch_logs_delivery_error IS NOT NULL
   OR t.latest_cloudwatch_logs_delivery_time IS NULL
   OR t.latest_cloudwatch_logs_delivery_time < t.synced_at - INTERVAL 1 DAY
