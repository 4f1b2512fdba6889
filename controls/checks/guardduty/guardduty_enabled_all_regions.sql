-- FSBP GuardDuty.1: GuardDuty is enabled in every scanned region, i.e. the region has a detector whose status is
-- ENABLED. A region with no detector (the sync's NO_DETECTOR fact row) fails, and so does one whose only detector
-- is suspended (DISABLED). A region with no row at all was not collected and fails with its own reason (the engine
-- reports such a scope as ERROR, never PASS).
WITH regions AS (
  SELECT r.partition, r.account_id, r.region,
         count(d.region) AS detector_rows,
         bool_or(d.status = 'ENABLED') AS enabled,
         bool_or(d.status = 'NO_DETECTOR') AS no_detector,
         bool_or(d.status = 'DISABLED') AS suspended,
         string_agg(d.detector_id, ', ' ORDER BY d.detector_id) AS detector_ids
  FROM aws_regions r
  LEFT JOIN aws_guardduty_detectors d ON d.account_id = r.account_id AND d.region = r.region
  GROUP BY r.partition, r.account_id, r.region
)
SELECT
  'arn:' || partition || ':guardduty:' || region || ':' || account_id AS resource_id,
  account_id,
  region,
  CASE
    WHEN detector_rows = 0 THEN 'GuardDuty detectors were not collected for ' || region
    WHEN no_detector THEN 'GuardDuty is not enabled in ' || region || ': the region has no detector'
    WHEN suspended THEN 'GuardDuty is suspended in ' || region || ': detector ' || detector_ids || ' has status DISABLED'
    ELSE 'The status of GuardDuty detector ' || coalesce(detector_ids, '?') || ' in ' || region || ' could not be read'
  END AS reason,
  detector_ids
FROM regions
WHERE enabled IS NOT TRUE
ORDER BY account_id, region;
