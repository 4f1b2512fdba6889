-- Every scanned region must have EBS encryption by default on; a region with no setting row failed to sync.
SELECT
  -- The region setting's id: arn:<partition>:ec2:<region>:<account> (docs/resource-ids.md).
  'arn:' || r.partition || ':ec2:' || r.region || ':' || r.account_id AS resource_id,
  r.account_id,
  r.region,
  CASE
    WHEN d.enabled IS NULL THEN 'The EBS encryption-by-default setting of this region was not read'
    ELSE 'EBS encryption by default is off: new volumes in this region are created unencrypted unless asked'
  END AS reason,
  d.enabled
FROM aws_regions r
LEFT JOIN aws_ec2_ebs_encryption_defaults d ON d.account_id = r.account_id AND d.region = r.region
WHERE d.enabled IS NOT TRUE
ORDER BY r.account_id, r.region;
