-- CIS 1.20: IAM Access Analyzer is enabled in every scanned region: an ACTIVE external-access analyzer
-- (type ACCOUNT or ORGANIZATION). Unused-access analyzers do not look for external access, so they do not count.
WITH active AS (
  SELECT account_id, region, count(*) AS analyzers
  FROM aws_accessanalyzer_analyzers
  WHERE status = 'ACTIVE' AND type IN ('ACCOUNT', 'ORGANIZATION')
  GROUP BY account_id, region
),
others AS (
  SELECT account_id, region, string_agg(name || ' (' || type || ', ' || status || ')', ', ' ORDER BY name) AS analyzers
  FROM aws_accessanalyzer_analyzers
  GROUP BY account_id, region
)
SELECT
  -- The region setting's id: arn:<partition>:access-analyzer:<region>:<account> (docs/resource-ids.md).
  'arn:' || r.partition || ':access-analyzer:' || r.region || ':' || r.account_id AS resource_id,
  r.account_id,
  r.region,
  CASE
    WHEN o.analyzers IS NULL THEN 'No IAM Access Analyzer in ' || r.region
    ELSE 'No ACTIVE external-access analyzer in ' || r.region || ' (found: ' || o.analyzers || ')'
  END AS reason,
  o.analyzers AS analyzers_found
FROM aws_regions r
LEFT JOIN active a ON a.account_id = r.account_id AND a.region = r.region
LEFT JOIN others o ON o.account_id = r.account_id AND o.region = r.region
WHERE a.analyzers IS NULL
