-- FSBP ECS.10: every ECS service that runs on Fargate (launch type FARGATE, or FARGATE / FARGATE_SPOT in its
-- capacity provider strategy) asks for platform version LATEST or for the latest version of its operating system
-- family (AWS Config ecs-fargate-latest-platform-version with latestLinuxVersion / latestWindowsVersion), read from
-- AWS's pages as Calabi copied them (calabi_fargate_platform_calendar, schema/calendars/fargate-platform-versions.json).
-- A Fargate task without a runtime platform runs Linux, so a family AWS does not report is judged as LINUX. AWS
-- announces no schedule for new platform versions: past trusted_until, a pinned version fails until the copy is
-- refreshed. LATEST needs no calendar.
WITH fargate AS (
  SELECT s.*, CAST(s.synced_at AS DATE) AS scan_day,
         CASE WHEN s.platform_family ILIKE 'WINDOWS%' THEN 'WINDOWS' ELSE 'LINUX' END AS family
  FROM aws_ecs_services s
  WHERE s.launch_type = 'FARGATE' OR list_has_any(coalesce(s.capacity_providers, []), ['FARGATE', 'FARGATE_SPOT'])
)
SELECT
  s.arn AS resource_id,
  s.account_id,
  s.region,
  CASE
    WHEN s.platform_version IS NULL THEN 'The Fargate platform version of ECS service ' || s.name || ' was not reported'
    WHEN s.platform_version IS DISTINCT FROM k.latest_version
      THEN 'Fargate service ' || s.name || ' asks for platform version ' || s.platform_version || ', not LATEST nor the latest '
           || s.family || ' version ' || coalesce(k.latest_version, '(unknown)')
    ELSE 'Fargate service ' || s.name || ' pins platform version ' || s.platform_version || ', the latest ' || s.family
         || ' version by Calabi''s copy of AWS''s list, but that copy (copied on ' || strftime(k.copied_on, '%Y-%m-%d')
         || ') is too old to vouch for it on ' || strftime(s.scan_day, '%Y-%m-%d') || '; update Calabi or ask for LATEST'
  END AS reason,
  s.name AS service_name,
  s.cluster_arn,
  s.platform_version,
  s.platform_family,
  k.latest_version
FROM fargate s
LEFT JOIN calabi_fargate_platform_calendar k ON k.family = s.family
WHERE s.platform_version IS DISTINCT FROM 'LATEST'
  AND (s.platform_version IS DISTINCT FROM k.latest_version OR s.scan_day > k.trusted_until)
ORDER BY s.account_id, s.region, s.arn;
