-- CIS 1.x 3.3: the bucket a trail writes to grants nothing to everyone. A grant counts only when Block Public
-- Access (bucket or account level) does not neutralise it: IgnorePublicAcls voids public ACL grants,
-- RestrictPublicBuckets voids public policy statements. Whether the policy is public is derived at sync time
-- (sync/policy/public.ts): an Allow to Principal * (or NotPrincipal) with no condition that really narrows the
-- caller (principal/org/account, source ARN/VPC/endpoint/IP with specific values). Unknown (NULL) fails.
-- Bucket names are global, so the bucket is found in whichever synced account owns it; a bucket found nowhere
-- fails, since its exposure cannot be shown.
WITH buckets AS (
  SELECT b.name, b.arn,
         coalesce(b.ignore_public_acls, false) OR coalesce(p.ignore_public_acls, false) AS acls_ignored,
         coalesce(b.restrict_public_buckets, false) OR coalesce(p.restrict_public_buckets, false) AS policy_restricted,
         list_has_any(coalesce(json_extract_string(b.acl_grants, '$[*].Grantee.URI'), []::VARCHAR[]),
                      ['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers']) AS public_acl,
         b.policy_is_public AS public_policy,
         b.public_statements
  FROM aws_s3_buckets b
  LEFT JOIN aws_s3_account_public_access_blocks p ON p.account_id = b.account_id AND coalesce(p.configured, false)
)
SELECT t.arn AS resource_id, t.account_id, t.region,
       CASE
         WHEN b.name IS NULL THEN 'Trail ' || t.name || ' writes to bucket ' || t.s3_bucket_name
              || ', which is in no synced account: its exposure cannot be shown (sync the account that owns it)'
         WHEN b.public_acl AND NOT b.acls_ignored AND b.public_policy AND NOT b.policy_restricted
              THEN 'Trail bucket ' || b.name || ' grants access to everyone through its ACL and its policy'
         WHEN b.public_acl AND NOT b.acls_ignored THEN 'Trail bucket ' || b.name || ' ACL grants access to AllUsers or AuthenticatedUsers'
         WHEN b.public_policy IS NULL THEN 'Trail bucket ' || b.name || ' policy could not be read or analysed, so its exposure cannot be shown: sync again'
         ELSE 'Trail bucket ' || b.name || ' policy allows anyone (statement ' || array_to_string(b.public_statements, ', ') || ') with no condition narrowing who can call'
       END AS reason,
       t.name AS trail_name, t.s3_bucket_name
FROM aws_cloudtrail_trails t
LEFT JOIN buckets b ON b.name = t.s3_bucket_name
WHERE t.s3_bucket_name IS NOT NULL
  AND (b.name IS NULL
       OR (b.public_acl AND NOT b.acls_ignored)
       OR (b.public_policy IS NOT FALSE AND NOT b.policy_restricted))
