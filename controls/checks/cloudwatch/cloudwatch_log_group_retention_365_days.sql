-- Log groups keep their events at least 365 days (PCI DSS 10.7 asks one year; NIST AU-11 a defined period). A NULL
-- retention means events never expire, which passes. Delivery-class groups are out of scope: AWS fixes their
-- retention at one day because they only forward events to S3 or Firehose, where retention is decided.
SELECT
  g.arn AS resource_id,
  g.account_id,
  g.region,
  'Log group ' || g.name || ' keeps events ' || g.retention_in_days || ' days, less than 365' AS reason,
  g.name AS log_group,
  g.retention_in_days
FROM aws_logs_log_groups g
WHERE g.retention_in_days < 365
  AND g.log_group_class IS DISTINCT FROM 'DELIVERY'
ORDER BY g.account_id, g.region, g.name;
