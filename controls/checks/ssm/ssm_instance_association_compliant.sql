-- FSBP SSM.3 (Config rule ec2-managedinstance-association-compliance-status-check): a managed node's State
-- Manager association compliance (ListResourceComplianceSummaries, ComplianceType Association) must be
-- COMPLIANT. Only nodes with an association run have an Association summary, as only they are judged by AWS.
-- A status that is not COMPLIANT (NON_COMPLIANT, or missing) fails.
SELECT
  c.resource_arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.status IS NULL THEN 'The association compliance status of ' || c.resource_id || ' is unknown (not answered)'
    ELSE 'Managed node ' || c.resource_id || ' is ' || c.status || ' with its State Manager associations (' || coalesce(c.non_compliant_count::VARCHAR, '?') || ' non-compliant)'
  END AS reason,
  c.resource_id AS instance_id,
  c.status,
  c.overall_severity,
  c.non_compliant_count,
  c.execution_time
FROM aws_ssm_compliance_summaries c
WHERE c.compliance_type = 'Association'
  AND c.status IS DISTINCT FROM 'COMPLIANT'
ORDER BY c.account_id, c.region, c.resource_id;
