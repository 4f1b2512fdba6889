-- FSBP Lambda.5: every VPC function has subnets in at least two Availability Zones (the control's default
-- minimum). Zones come from the synced subnets of the function's account and region; a subnet not in the inventory
-- has no known zone and counts for none (fail closed), unless the known ones already span two zones.
WITH attached AS (
  SELECT f.arn, f.account_id, f.region, unnest(f.subnet_ids) AS subnet_id
  FROM aws_lambda_functions f
  WHERE f.vpc_id IS NOT NULL
), subnets AS (
  SELECT a.arn, a.subnet_id, s.availability_zone
  FROM attached a
  LEFT JOIN aws_ec2_subnets s
    ON s.account_id = a.account_id AND s.region = a.region AND s.subnet_id = a.subnet_id
), zones AS (
  SELECT
    arn,
    list(DISTINCT availability_zone ORDER BY availability_zone) FILTER (WHERE availability_zone IS NOT NULL) AS zones,
    list(subnet_id ORDER BY subnet_id) FILTER (WHERE availability_zone IS NULL) AS unknown_subnets
  FROM subnets
  GROUP BY arn
)
SELECT
  f.arn AS resource_id,
  f.account_id,
  f.region,
  'Lambda function ' || f.function_name || ' runs in ' || len(coalesce(z.zones, [])) || ' Availability Zone(s): '
    || coalesce(nullif(array_to_string(z.zones, ', '), ''), 'none')
    || CASE WHEN len(coalesce(z.unknown_subnets, [])) > 0 THEN ' (subnet(s) not in the inventory: ' || array_to_string(z.unknown_subnets, ', ') || ')' ELSE '' END AS reason,
  f.function_name,
  z.zones AS availability_zones,
  z.unknown_subnets
FROM aws_lambda_functions f
LEFT JOIN zones z ON z.arn = f.arn
WHERE f.vpc_id IS NOT NULL AND len(coalesce(z.zones, [])) < 2
ORDER BY f.account_id, f.region, f.arn;
