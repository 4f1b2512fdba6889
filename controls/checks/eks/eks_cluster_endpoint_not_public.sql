-- FSBP EKS.1: no EKS cluster's Kubernetes API endpoint is publicly accessible (resourcesVpcConfig
-- endpointPublicAccess). As in the Config rule behind the control, public access restricted by publicAccessCidrs
-- still fails (the CIDRs are listed as evidence); an access setting not reported fails too.
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  CASE
    WHEN c.endpoint_public_access IS NULL THEN 'The endpoint access of EKS cluster ' || c.name || ' was not reported'
    ELSE 'EKS cluster ' || c.name || ' has a public API endpoint (allowed from ' || coalesce(array_to_string(c.public_access_cidrs, ', '), '0.0.0.0/0') || ')'
  END AS reason,
  c.name AS cluster_name,
  c.public_access_cidrs
FROM aws_eks_clusters c
WHERE c.endpoint_public_access IS NOT FALSE
ORDER BY c.account_id, c.region, c.arn;
