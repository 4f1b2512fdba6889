-- CIS 3.1: at least one trail per account that logs every region, is logging, and records all read and write
-- management events with no event source left out. Event selectors are read literally (an empty answer records
-- nothing). The reason lists what each existing trail lacks. One finding per account:
-- resource_id arn:<partition>:iam::<account_id>:root, region 'global'.
SELECT 'arn:' || coalesce(a.partition, split_part(a.arn, ':', 2)) || ':iam::' || a.account_id || ':root' AS resource_id,
       a.account_id, a.region,
       CASE
         WHEN count(t.arn) = 0 THEN 'No CloudTrail trail'
         ELSE 'No trail is multi-region, logging and recording all read and write management events ('
              || string_agg(t.name || ': ' || array_to_string(t.management_gaps, ', '), '; ' ORDER BY t.name, t.arn) || ')'
       END AS reason,
       list(t.arn ORDER BY t.arn) FILTER (WHERE t.arn IS NOT NULL) AS trails
FROM aws_accounts a
LEFT JOIN calabi_cloudtrail_management_trails t ON t.account_id = a.account_id
GROUP BY a.account_id, a.region, a.partition, a.arn
HAVING count(*) FILTER (WHERE t.compliant) = 0
