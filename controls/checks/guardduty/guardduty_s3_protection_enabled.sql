-- FSBP GuardDuty.10: GuardDuty S3 Protection (S3_DATA_EVENTS) is enabled in every scanned region: the region has an
-- ENABLED detector whose S3_DATA_EVENTS feature is ENABLED. A region without an enabled detector fails too, since
-- nothing protects it; a region with no detector row was not collected and fails with its own reason.
-- A detector that reports no S3_DATA_EVENTS feature (an older API answer) is judged by its dataSources.s3Logs
-- status instead; where it reports the feature, the feature decides.
WITH detectors AS (
  SELECT d.account_id, d.region, d.detector_id, d.status,
         coalesce(f.status, CASE WHEN f.name IS NULL THEN d.s3_logs_status END) AS protection
  FROM aws_guardduty_detectors d
  LEFT JOIN aws_guardduty_detector_features f ON f.detector_arn = d.arn AND f.name = 'S3_DATA_EVENTS'
),
regions AS (
  SELECT r.partition, r.account_id, r.region,
         count(d.region) AS detector_rows,
         bool_or(d.status = 'ENABLED') AS enabled,
         bool_or(d.status = 'ENABLED' AND d.protection = 'ENABLED') AS protected,
         string_agg(d.detector_id, ', ' ORDER BY d.detector_id) AS detector_ids,
         string_agg(DISTINCT d.protection, ', ') AS protection_status
  FROM aws_regions r
  LEFT JOIN detectors d ON d.account_id = r.account_id AND d.region = r.region
  GROUP BY r.partition, r.account_id, r.region
)
SELECT
  'arn:' || partition || ':guardduty:' || region || ':' || account_id AS resource_id,
  account_id,
  region,
  CASE
    WHEN detector_rows = 0 THEN 'GuardDuty detectors were not collected for ' || region
    WHEN enabled IS NOT TRUE THEN 'GuardDuty is not enabled in ' || region || ', so S3 Protection is off'
    WHEN protection_status IS NULL THEN 'GuardDuty detector ' || detector_ids || ' in ' || region || ' does not report S3 Protection (S3_DATA_EVENTS)'
    ELSE 'GuardDuty S3 Protection (S3_DATA_EVENTS) is ' || protection_status || ' in ' || region
  END AS reason,
  detector_ids,
  protection_status
FROM regions
WHERE protected IS NOT TRUE
ORDER BY account_id, region;
