-- FSBP SSM.2 (Config rule ec2-managedinstance-patch-compliance-status-check): a managed node's Patch compliance
-- (ListResourceComplianceSummaries, ComplianceType Patch) must be COMPLIANT. Only nodes Patch Manager has
-- scanned or patched have a Patch summary, as only they are judged by AWS. A status that is not COMPLIANT
-- (NON_COMPLIANT, or missing) fails.
SELECT
  c.resource_arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.status IS NULL THEN 'The patch compliance status of ' || c.resource_id || ' is unknown (not answered)'
    ELSE 'Managed node ' || c.resource_id || ' is ' || c.status || ' with its patch baseline (' || coalesce(c.non_compliant_count::VARCHAR, '?') || ' non-compliant patches, highest severity ' || coalesce(c.overall_severity, 'unknown') || ')'
  END AS reason,
  c.resource_id AS instance_id,
  c.status,
  c.overall_severity,
  c.non_compliant_count,
  c.execution_time
FROM aws_ssm_compliance_summaries c
WHERE c.compliance_type = 'Patch'
  AND c.status IS DISTINCT FROM 'COMPLIANT'
ORDER BY c.account_id, c.region, c.resource_id;
