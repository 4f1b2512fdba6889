-- FSBP EC2.1: restorable by anyone (AWS lists the snapshot under RestorableByUserIds all).
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  'EBS snapshot ' || s.snapshot_id || CASE WHEN s.public IS NULL THEN ' did not report who may restore it'
    ELSE ' is public: any AWS account can create a volume from it' END AS reason,
  s.snapshot_id,
  s.volume_id
FROM aws_ec2_snapshots s
WHERE s.public IS NOT FALSE
ORDER BY s.account_id, s.region, s.arn;
