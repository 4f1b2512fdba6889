-- FSBP Redshift.4: every Redshift cluster has audit logging enabled (DescribeLoggingStatus LoggingEnabled), to either destination; a status not read fails.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN c.logging_enabled IS NULL THEN 'The audit logging status of Redshift cluster ' || c.identifier || ' was not reported' ELSE 'Redshift cluster ' || c.identifier || ' does not have audit logging enabled' END AS reason,
  c.identifier AS cluster_identifier,
  c.log_destination_type
FROM aws_redshift_clusters c
WHERE c.logging_enabled IS NOT TRUE
ORDER BY c.account_id, c.region, c.arn;
