-- CIS 1.x 3.4: every trail delivers to CloudWatch Logs, and when CloudTrail reports a last delivery it is less
-- than a day older than the sync (NULL — nothing reported yet — is not held against the trail).
SELECT t.arn AS resource_id, t.account_id, t.region,
       CASE
         WHEN t.cloudwatch_logs_log_group_arn IS NULL THEN 'Trail ' || t.name || ' does not deliver to CloudWatch Logs'
         ELSE 'Trail ' || t.name || ' last delivered to CloudWatch Logs at ' || strftime(t.latest_cloudwatch_logs_delivery_time, '%Y-%m-%d %H:%M UTC')
              || ', more than a day before the sync'
       END AS reason,
       t.name AS trail_name, t.cloudwatch_logs_log_group_arn, t.latest_cloudwatch_logs_delivery_time
FROM aws_cloudtrail_trails t
WHERE t.cloudwatch_logs_log_group_arn IS NULL
   OR t.latest_cloudwatch_logs_delivery_time < t.synced_at - INTERVAL 1 DAY
