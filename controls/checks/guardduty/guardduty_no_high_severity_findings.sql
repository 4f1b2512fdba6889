-- A detector holding current (not archived) High or Critical findings (severity 7.0 and above) has threats nobody
-- has dealt with: the finding is the evidence, archiving or fixing it is the remediation. Counts not read put the
-- table in error (ERROR, never PASS); a NULL count fails.
SELECT
  c.detector_arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.critical IS NULL OR c.high IS NULL THEN 'The finding counts of GuardDuty detector ' || c.detector_id || ' were not read: they cannot be shown to hold no High finding (sync again)'
    ELSE 'GuardDuty detector ' || c.detector_id || ' holds ' || (c.critical + c.high) || ' current High or Critical finding(s) (' || c.critical || ' critical, ' || c.high || ' high), the newest generated ' || coalesce(strftime(c.latest_high_or_critical_at, '%Y-%m-%d %H:%M UTC'), 'at an unreported time')
  END AS reason,
  c.detector_id,
  c.critical,
  c.high,
  c.medium,
  c.latest_high_or_critical_at
FROM aws_guardduty_finding_counts c
WHERE coalesce(c.critical + c.high, 1) > 0
ORDER BY c.account_id, c.region, c.detector_id;
