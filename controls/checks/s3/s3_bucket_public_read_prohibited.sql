-- FSBP S3.2 (Config rule s3-bucket-public-read-prohibited): the bucket allows public read access neither through its
-- ACL nor through its policy. An ACL grant of READ/FULL_CONTROL to AllUsers (anyone) or AuthenticatedUsers (any AWS
-- account) counts unless IgnorePublicAcls is on for the bucket or the account; a public policy statement (Principal
-- * with no condition narrowing the caller, as policy_is_public decides) allowing a read action counts unless
-- RestrictPublicBuckets is on for the bucket or the account. The actions are matched with IAM's wildcard and
-- NotAction semantics at sync time (sync/policy/s3-access.ts). An ACL or policy not read counts unless the
-- matching Block Public Access setting makes it moot: unknown is not private.
WITH b AS (
  SELECT
    s.*,
    coalesce(s.ignore_public_acls, false) OR coalesce(a.ignore_public_acls, false) AS acls_ignored,
    coalesce(s.restrict_public_buckets, false) OR coalesce(a.restrict_public_buckets, false) AS policy_restricted,
    (SELECT string_agg(grant_text, ', ' ORDER BY grant_text)
     FROM (SELECT DISTINCT regexp_extract(json_extract_string(g, '$.Grantee.URI'), '[^/]+$') || ' ' || json_extract_string(g, '$.Permission') AS grant_text
           FROM (SELECT unnest(CAST(s.acl_grants AS JSON[])) AS g)
           WHERE json_extract_string(g, '$.Grantee.URI') IN ('http://acs.amazonaws.com/groups/global/AllUsers',
                                                            'http://acs.amazonaws.com/groups/global/AuthenticatedUsers')
             AND json_extract_string(g, '$.Permission') IN ('READ', 'FULL_CONTROL'))) AS public_read_grants
  FROM aws_s3_buckets s
  LEFT JOIN aws_s3_account_public_access_blocks a ON a.account_id = s.account_id
)
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  concat_ws('; ',
    CASE WHEN NOT b.acls_ignored AND b.acl_grants IS NULL THEN 'the bucket ACL could not be read and IgnorePublicAcls is off' END,
    CASE WHEN NOT b.acls_ignored AND b.public_read_grants IS NOT NULL THEN 'the bucket ACL grants ' || b.public_read_grants END,
    CASE WHEN NOT b.policy_restricted AND b.policy_public_read_actions IS NULL THEN 'the bucket policy could not be read and RestrictPublicBuckets is off' END,
    CASE WHEN NOT b.policy_restricted AND len(b.policy_public_read_actions) > 0 THEN 'the bucket policy allows anyone ' || array_to_string(b.policy_public_read_actions, ', ') END
  ) AS reason,
  b.name AS bucket,
  b.public_read_grants,
  b.policy_public_read_actions AS policy_public_read_actions
FROM b
WHERE (NOT b.acls_ignored AND (b.acl_grants IS NULL OR b.public_read_grants IS NOT NULL))
   OR (NOT b.policy_restricted AND (b.policy_public_read_actions IS NULL OR len(b.policy_public_read_actions) > 0))
ORDER BY b.account_id, b.name;
