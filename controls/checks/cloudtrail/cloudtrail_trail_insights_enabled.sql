-- Every logging trail has CloudTrail Insights enabled (GetInsightSelectors), which flags unusual rates of API calls or
-- errors against the account's own baseline. A trail whose logging is stopped records nothing, so is out of scope;
-- an unknown Insights setting fails: it cannot be shown.
SELECT t.arn AS resource_id, t.account_id, t.region,
       CASE
         WHEN t.has_insight_selectors IS NULL THEN 'Whether Insights is enabled on trail ' || t.name || ' is unknown: sync again'
         ELSE 'Trail ' || t.name || ' is logging without CloudTrail Insights'
       END AS reason,
       t.name AS trail_name
FROM aws_cloudtrail_trails t
WHERE t.is_logging IS NOT FALSE
  AND t.has_insight_selectors IS NOT TRUE
ORDER BY t.account_id, t.region, t.name;
