-- FSBP ECR.2: every private ECR repository has tag immutability enabled, so a pushed tag cannot be moved to
-- another image. IMMUTABLE passes, and so does IMMUTABLE_WITH_EXCLUSION (immutability is on; the exclusion
-- filters name the tags a team deliberately keeps mutable, listed as evidence). MUTABLE and MUTABLE_WITH_EXCLUSION
-- fail.
SELECT
  r.arn AS resource_id,
  r.account_id,
  r.region,
  'ECR repository ' || r.name || ' lets tags be overwritten (image tag mutability ' || coalesce(r.image_tag_mutability, 'not reported') || ')' AS reason,
  r.name AS repository_name,
  r.image_tag_mutability
FROM aws_ecr_repositories r
WHERE r.image_tag_mutability IS NULL OR r.image_tag_mutability NOT IN ('IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION')
ORDER BY r.account_id, r.region, r.arn;
