-- FSBP Route53.2: public zones only; a zone of unknown kind is judged as public (fail closed).
SELECT
  z.arn AS resource_id,
  z.account_id,
  z.region,
  'Route 53 ' || CASE WHEN z.private_zone IS NULL THEN 'hosted zone ' ELSE 'public hosted zone ' END || z.name
    || ' logs no DNS queries' AS reason,
  z.hosted_zone_id,
  z.name AS zone_name
FROM aws_route53_hosted_zones z
WHERE z.private_zone IS NOT TRUE AND z.query_logging_config_id IS NULL
ORDER BY z.account_id, z.arn;
