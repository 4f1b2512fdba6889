-- IAM database authentication lets users connect with short-lived IAM tokens instead of database passwords. AWS
-- supports it for MySQL, MariaDB and PostgreSQL engines (and their Aurora versions) only, so only those are judged.
SELECT
  i.arn AS resource_id,
  i.account_id,
  i.region,
  'IAM database authentication is off for ' || i.db_instance_identifier || ' (' || i.engine || ')' AS reason,
  i.db_instance_identifier,
  i.engine
FROM aws_rds_db_instances i
WHERE i.engine IN ('mysql', 'mariadb', 'postgres', 'aurora', 'aurora-mysql', 'aurora-postgresql')
  AND i.iam_database_authentication_enabled IS NOT TRUE
ORDER BY i.account_id, i.region, i.db_instance_identifier;
