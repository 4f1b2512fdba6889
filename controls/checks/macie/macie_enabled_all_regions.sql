-- CIS "data in Amazon S3 is discovered, classified and secured": Amazon Macie is enabled (status ENABLED, not
-- PAUSED) in every scanned region. A region whose status was not collected fails with its own reason.
SELECT
  'arn:' || r.partition || ':macie2:' || r.region || ':' || r.account_id AS resource_id,
  r.account_id,
  r.region,
  CASE
    WHEN m.account_id IS NULL THEN 'Macie status was not collected for ' || r.region
    WHEN m.status = 'PAUSED' THEN 'Macie is paused in ' || r.region || ': no sensitive data discovery or jobs run'
    ELSE 'Macie is not enabled in ' || r.region
  END AS reason,
  m.status
FROM aws_regions r
LEFT JOIN aws_macie_sessions m ON m.account_id = r.account_id AND m.region = r.region
WHERE m.enabled IS NOT TRUE
ORDER BY r.account_id, r.region;
