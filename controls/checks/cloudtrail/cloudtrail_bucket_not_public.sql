-- CIS 1.x 3.3: the bucket a trail writes to grants nothing to everyone. A grant counts only when Block Public
-- Access (bucket or account level) does not neutralise it: IgnorePublicAcls voids public ACL grants,
-- RestrictPublicBuckets voids public policy statements. A policy statement is public when it allows Principal
-- "*" (or AWS "*") without a Condition. Bucket names are global, so the bucket is found in whichever synced
-- account owns it; a bucket found nowhere fails, since its exposure cannot be shown.
WITH buckets AS (
  SELECT b.name, b.arn,
         coalesce(b.ignore_public_acls, false) OR coalesce(p.ignore_public_acls, false) AS acls_ignored,
         coalesce(b.restrict_public_buckets, false) OR coalesce(p.restrict_public_buckets, false) AS policy_restricted,
         list_has_any(coalesce(json_extract_string(b.acl_grants, '$[*].Grantee.URI'), []::VARCHAR[]),
                      ['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers']) AS public_acl,
         EXISTS (
           SELECT 1
           FROM unnest(CASE json_type(b.policy, '$.Statement')
                         WHEN 'ARRAY' THEN json_extract(b.policy, '$.Statement[*]')
                         WHEN 'OBJECT' THEN [json_extract(b.policy, '$.Statement')]
                         ELSE []::JSON[] END) AS s(st)
           WHERE json_extract_string(st, '$.Effect') = 'Allow'
             AND json_extract(st, '$.Condition') IS NULL
             AND (json_extract_string(st, '$.Principal') = '*'
                  OR json_extract_string(st, '$.Principal.AWS') = '*'
                  OR list_contains(coalesce(json_extract_string(st, '$.Principal.AWS[*]'), []::VARCHAR[]), '*'))
         ) AS public_policy
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
         ELSE 'Trail bucket ' || b.name || ' policy allows Principal * without a condition'
       END AS reason,
       t.name AS trail_name, t.s3_bucket_name
FROM aws_cloudtrail_trails t
LEFT JOIN buckets b ON b.name = t.s3_bucket_name
WHERE t.s3_bucket_name IS NOT NULL
  AND (b.name IS NULL
       OR (b.public_acl AND NOT b.acls_ignored)
       OR (b.public_policy AND NOT b.policy_restricted))
