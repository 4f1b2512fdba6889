-- FSBP Redshift.2: connections to every Redshift cluster must use TLS: require_ssl is true in its parameter group.
-- A cluster whose group was not read, or that names no group, fails as unknown.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE WHEN count(g.arn) < greatest(len(c.parameter_group_names), 1)
         THEN 'The parameter group(s) of Redshift cluster ' || c.identifier || ' were not read: whether it requires TLS is unknown'
       ELSE 'Redshift cluster ' || c.identifier || ' does not require TLS (require_ssl is not true in '
         || string_agg(g.name, ', ' ORDER BY g.name) FILTER (WHERE g.require_ssl IS NOT TRUE) || ')' END AS reason,
  c.identifier AS cluster_identifier,
  c.parameter_group_names
FROM aws_redshift_clusters c
LEFT JOIN aws_redshift_parameter_groups g
  ON g.account_id = c.account_id AND g.region = c.region AND list_contains(c.parameter_group_names, g.name)
GROUP BY c.arn, c.account_id, c.region, c.identifier, c.parameter_group_names
HAVING count(g.arn) < greatest(len(c.parameter_group_names), 1) OR count(*) FILTER (WHERE g.require_ssl IS NOT TRUE) > 0
ORDER BY c.account_id, c.region, c.arn;
