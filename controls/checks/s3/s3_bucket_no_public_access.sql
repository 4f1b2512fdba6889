-- A bucket is not open to everyone, as S3 evaluates it: an ACL grant to AllUsers (anyone) or AuthenticatedUsers
-- (any AWS account) counts unless IgnorePublicAcls is on for the bucket or the account, and a public bucket policy
-- counts unless RestrictPublicBuckets is on for the bucket or the account. An ACL or policy that could not be read
-- (NULL) counts as open unless the matching Block Public Access setting makes it moot: unknown is not private.
WITH b AS (
  SELECT
    s.*,
    coalesce(s.ignore_public_acls, false) OR coalesce(a.ignore_public_acls, false) AS acls_ignored,
    coalesce(s.restrict_public_buckets, false) OR coalesce(a.restrict_public_buckets, false) AS policy_restricted,
    (SELECT string_agg(grant_text, ', ' ORDER BY grant_text)
     FROM (SELECT DISTINCT regexp_extract(json_extract_string(g, '$.Grantee.URI'), '[^/]+$') || ' ' || json_extract_string(g, '$.Permission') AS grant_text, g
           FROM (SELECT unnest(CAST(s.acl_grants AS JSON[])) AS g))
     WHERE json_extract_string(g, '$.Grantee.URI') IN ('http://acs.amazonaws.com/groups/global/AllUsers',
                                                      'http://acs.amazonaws.com/groups/global/AuthenticatedUsers')) AS public_grants
  FROM aws_s3_buckets s
  LEFT JOIN aws_s3_account_public_access_blocks a ON a.account_id = s.account_id
)
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  concat_ws('; ',
    CASE WHEN NOT b.acls_ignored AND b.acl_grants IS NULL THEN 'the bucket ACL could not be read and IgnorePublicAcls is off' END,
    CASE WHEN NOT b.acls_ignored AND b.public_grants IS NOT NULL THEN 'the bucket ACL grants ' || b.public_grants END,
    CASE WHEN NOT b.policy_restricted AND b.policy_is_public IS NULL THEN 'the bucket policy could not be read and RestrictPublicBuckets is off' END,
    CASE WHEN NOT b.policy_restricted AND b.policy_is_public THEN 'the bucket policy allows anyone: statement(s) ' || array_to_string(b.public_statements, ', ') END
  ) AS reason,
  b.name AS bucket,
  b.public_grants,
  b.public_statements
FROM b
WHERE (NOT b.acls_ignored AND (b.acl_grants IS NULL OR b.public_grants IS NOT NULL))
   OR (NOT b.policy_restricted AND b.policy_is_public IS NOT FALSE)
ORDER BY b.account_id, b.name;
