-- CIS 4.16: Security Hub is enabled in every scanned region.
-- The region setting's id: arn:<partition>:securityhub:<region>:<account> (docs/resource-ids.md).
SELECT 'arn:' || r.partition || ':securityhub:' || r.region || ':' || r.account_id AS resource_id, r.account_id, r.region,
       CASE WHEN h.account_id IS NULL THEN 'Security Hub state was not collected for ' || r.region
            ELSE 'Security Hub is not enabled in ' || r.region END AS reason
FROM aws_regions r
LEFT JOIN aws_securityhub_hubs h ON h.account_id = r.account_id AND h.region = r.region
WHERE NOT coalesce(h.enabled, false)
