-- FSBP EKS.2: every EKS cluster runs a Kubernetes version in EKS standard support on the day of the sync
-- (synced_at, so re-evaluating old data gives the same verdict), read from AWS's release calendar as Calabi copied
-- it (calabi_eks_version_calendar, schema/calendars/eks-kubernetes-versions.json). Extended support fails: it is
-- the paid grace period after support ends, not a supported version. A version the copy does not list never
-- passes: older than every row it is past its end of extended support; otherwise it is newer than the copy, and
-- the reason asks to update Calabi.
WITH clusters AS (
  SELECT c.*, CAST(c.synced_at AS DATE) AS scan_day,
         list_transform(string_split(c.version, '.'), x -> TRY_CAST(x AS INTEGER)) AS version_key
  FROM aws_eks_clusters c
),
calendar AS (
  SELECT *, list_transform(string_split(version, '.'), x -> TRY_CAST(x AS INTEGER)) AS version_key
  FROM calabi_eks_version_calendar
)
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.version IS NULL THEN 'The Kubernetes version of EKS cluster ' || c.name || ' was not reported'
    WHEN k.version IS NULL AND c.version_key < (SELECT min(version_key) FROM calendar)
      THEN 'EKS cluster ' || c.name || ' runs Kubernetes ' || c.version || ', older than every version of the EKS release calendar: past its end of support'
    WHEN k.version IS NULL
      THEN 'EKS cluster ' || c.name || ' runs Kubernetes ' || c.version || ', which Calabi''s copy of the EKS release calendar (copied on '
           || strftime((SELECT max(copied_on) FROM calendar), '%Y-%m-%d') || ') does not list; update Calabi to judge it'
    WHEN c.scan_day >= k.end_of_extended_support
      THEN 'EKS cluster ' || c.name || ' runs Kubernetes ' || c.version || ', whose extended support ended on ' || strftime(k.end_of_extended_support, '%Y-%m-%d')
    ELSE 'EKS cluster ' || c.name || ' runs Kubernetes ' || c.version || ', whose standard support ended on ' || strftime(k.end_of_standard_support, '%Y-%m-%d')
         || ' (extended support until ' || strftime(k.end_of_extended_support, '%Y-%m-%d') || ')'
  END AS reason,
  c.name AS cluster_name,
  c.version,
  k.end_of_standard_support,
  k.end_of_extended_support
FROM clusters c
LEFT JOIN calendar k ON k.version = c.version
WHERE k.version IS NULL OR c.scan_day >= k.end_of_standard_support
ORDER BY c.account_id, c.region, c.arn;
