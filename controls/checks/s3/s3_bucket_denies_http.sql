-- CIS 2.1.1: the bucket policy must deny every request made without TLS, to everyone, for the bucket and for
-- its objects. A qualifying statement has Effect Deny, Principal "*" (or {"AWS": "*"}), Action s3:* or *,
-- and a condition that is exactly aws:SecureTransport = false under Bool (or BoolIfExists): extra conditions
-- would narrow the deny. Its Resource patterns (IAM wildcards) must match the bucket ARN and <ARN>/*; two
-- statements may share the work. Condition keys are case-insensitive in IAM, hence the lower().
WITH statements AS (
  SELECT
    b.arn,
    b.account_id,
    unnest(CASE json_type(b.policy -> '$.Statement')
             WHEN 'ARRAY' THEN json_extract(b.policy, '$.Statement[*]')
             ELSE [b.policy -> '$.Statement'] END) AS s
  FROM aws_s3_buckets b
  WHERE b.policy IS NOT NULL
),
parsed AS (
  SELECT
    arn,
    account_id,
    s ->> '$.Effect' AS effect,
    s ->> '$.Principal' AS principal,
    CASE json_type(s -> '$.Principal.AWS') WHEN 'ARRAY' THEN json_extract_string(s, '$.Principal.AWS[*]') ELSE [s ->> '$.Principal.AWS'] END AS aws_principals,
    CASE json_type(s -> '$.Action') WHEN 'ARRAY' THEN json_extract_string(s, '$.Action[*]') ELSE [s ->> '$.Action'] END AS actions,
    CASE json_type(s -> '$.Resource') WHEN 'ARRAY' THEN json_extract_string(s, '$.Resource[*]') ELSE [s ->> '$.Resource'] END AS resources,
    json(lower((s -> '$.Condition')::VARCHAR)) AS cond
  FROM statements
),
denies_http AS (
  SELECT arn, account_id, resources
  FROM parsed
  WHERE effect = 'Deny'
    AND (principal = '*' OR list_contains(aws_principals, '*'))
    AND len([a FOR a IN actions IF lower(a) IN ('s3:*', '*')]) > 0
    AND json_keys(cond) IN (['bool'], ['boolifexists'])
    AND json_keys(json_extract(cond, '$.' || json_keys(cond)[1])) = ['aws:securetransport']
    AND json_extract(cond, '$.' || json_keys(cond)[1] || '."aws:securetransport"')::VARCHAR IN ('"false"', 'false', '["false"]')
),
coverage AS (
  SELECT
    arn,
    account_id,
    bool_or(len([r FOR r IN resources IF arn GLOB r]) > 0) AS bucket_covered,
    bool_or(len([r FOR r IN resources IF (arn || '/*') GLOB r]) > 0) AS objects_covered
  FROM denies_http
  GROUP BY arn, account_id
)
SELECT
  b.arn AS resource_id,
  b.account_id,
  b.region,
  CASE
    WHEN b.policy IS NULL THEN 'Bucket has no policy, so requests over plain HTTP are not denied'
    WHEN NOT coalesce(c.bucket_covered, false) AND NOT coalesce(c.objects_covered, false)
      THEN 'Bucket policy has no statement denying all principals every S3 action when aws:SecureTransport is false'
    WHEN NOT coalesce(c.bucket_covered, false) THEN 'Bucket policy denies plain HTTP for the objects only, not for the bucket itself'
    ELSE 'Bucket policy denies plain HTTP for the bucket but not for its objects'
  END AS reason,
  b.name AS bucket,
  coalesce(c.bucket_covered, false) AS bucket_covered,
  coalesce(c.objects_covered, false) AS objects_covered
FROM aws_s3_buckets b
LEFT JOIN coverage c ON c.arn = b.arn AND c.account_id = b.account_id
WHERE NOT (coalesce(c.bucket_covered, false) AND coalesce(c.objects_covered, false))
ORDER BY b.account_id, b.name;
