-- FSBP ACM.1: no ACM certificate (imported or issued by ACM) expires within 30 days of when the data was
-- collected, or has already expired. The reference time is the row's synced_at, so re-evaluating old data gives
-- the same verdict. An ACM-issued certificate this close to expiry means managed renewal failed (ACM renews 60
-- days ahead). Certificates never issued (no NotAfter) are not evaluated.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.not_after <= c.synced_at
      THEN 'ACM certificate for ' || coalesce(c.domain_name, '?') || ' (' || coalesce(c.type, '?') || ') expired on ' || strftime(c.not_after, '%Y-%m-%d')
    ELSE 'ACM certificate for ' || coalesce(c.domain_name, '?') || ' (' || coalesce(c.type, '?') || ') expires on ' || strftime(c.not_after, '%Y-%m-%d')
         || ', ' || date_diff('day', c.synced_at, c.not_after) || ' days after the sync'
  END AS reason,
  c.domain_name,
  c.type AS certificate_type,
  c.not_after,
  c.in_use
FROM aws_acm_certificates c
WHERE c.not_after IS NOT NULL
  AND c.not_after < c.synced_at + INTERVAL 30 DAY
ORDER BY c.account_id, c.region, c.arn;
