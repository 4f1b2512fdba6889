-- CIS 4.6: a metric filter for Management Console authentication failures.
-- The chain, read literally: a multi-region, logging, all-management-events trail delivers to a log group; a
-- metric filter on it matches every sample CloudTrail event of the requirement (sync/monitoring/requirements/
-- console_auth_failures.ts, decided at sync time into aws_logs_metric_filters.covers); an alarm on the filter's metric fires on
-- one such event and notifies an SNS topic with a confirmed subscription. The chain and its reasons live in
-- calabi_cis_monitoring_failures (schema/sql-objects.ts). One finding per account:
-- resource_id arn:<partition>:iam::<account_id>:root, region 'global'.
SELECT *
FROM calabi_cis_monitoring_failures('console_auth_failures')
