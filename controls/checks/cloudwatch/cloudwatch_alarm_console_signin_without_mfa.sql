-- CIS 4.2: an alarmed, subscribed metric filter for Management Console sign-in without MFA on the log group of a multi-region, logging,
-- all-management-events trail. Each term must appear as written here (any order, spacing or quoting); extra
-- terms that narrow the noise are allowed. The chain and its reasons: calabi_cis_monitoring_failures.
SELECT *
FROM calabi_cis_monitoring_failures([
  '$.eventName = "ConsoleLogin"',
  '$.additionalEventData.MFAUsed != "Yes"'
])
