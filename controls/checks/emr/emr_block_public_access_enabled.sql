-- FSBP EMR.2: on in every scanned region, permitting port 22 at most. A region with no row failed to sync.
SELECT
  -- The region setting's id: arn:<partition>:elasticmapreduce:<region>:<account> (docs/resource-ids.md).
  'arn:' || r.partition || ':elasticmapreduce:' || r.region || ':' || r.account_id AS resource_id,
  r.account_id,
  r.region,
  CASE
    WHEN b.block_public_security_group_rules IS NULL THEN 'The EMR block public access configuration of this region was not read'
    WHEN NOT b.block_public_security_group_rules THEN 'EMR block public access is off: clusters may launch with security groups open to the internet'
    WHEN b.permitted_public_ports IS NULL THEN 'EMR block public access did not report the ports it permits'
    ELSE 'EMR block public access permits ports other than 22 from anywhere: ' || array_to_string(list_filter(b.permitted_public_ports, lambda p: p <> '22-22'), ', ')
  END AS reason,
  b.block_public_security_group_rules,
  b.permitted_public_ports
FROM aws_regions r
LEFT JOIN aws_emr_block_public_access b ON b.account_id = r.account_id AND b.region = r.region
WHERE b.block_public_security_group_rules IS NOT TRUE
   OR b.permitted_public_ports IS NULL
   OR len(list_filter(b.permitted_public_ports, lambda p: p <> '22-22')) > 0
ORDER BY r.account_id, r.region;
