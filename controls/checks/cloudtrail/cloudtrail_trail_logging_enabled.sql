-- FSBP CloudTrail.3: the account has at least one CloudTrail trail that is logging (GetTrailStatus IsLogging),
-- whatever its scope or event selectors (CloudTrail.1 asks for more: a multi-Region trail with all management
-- events). Shadow copies of a trail seen from other regions count once. One finding per account:
-- resource_id arn:<partition>:iam::<account_id>:root.
SELECT 'arn:' || coalesce(a.partition, split_part(a.arn, ':', 2)) || ':iam::' || a.account_id || ':root' AS resource_id,
       a.account_id, a.region,
       CASE
         WHEN count(t.arn) = 0 THEN 'No CloudTrail trail'
         ELSE 'No CloudTrail trail is logging (' || string_agg(DISTINCT t.name, ', ' ORDER BY t.name) || ': logging stopped or not read)'
       END AS reason,
       list(DISTINCT t.arn ORDER BY t.arn) FILTER (WHERE t.arn IS NOT NULL) AS trails
FROM aws_accounts a
LEFT JOIN aws_cloudtrail_trails t ON t.account_id = a.account_id
GROUP BY a.account_id, a.region, a.partition, a.arn
HAVING count(*) FILTER (WHERE t.is_logging) = 0
ORDER BY a.account_id;
