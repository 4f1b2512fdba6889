-- FSBP SSM.4: no Systems Manager document the account owns is shared publicly, i.e. with the account id 'all'
-- (DescribeDocumentPermission, PermissionType Share). Sharing with named accounts is not public. A document whose
-- permissions could not be read (is_public NULL) fails with its own reason; its scope is in error.
SELECT
  d.arn AS resource_id,
  d.account_id,
  d.region,
  CASE
    WHEN d.is_public IS NULL THEN 'The sharing permissions of SSM document ' || d.name || ' could not be read'
    ELSE 'SSM document ' || d.name || ' is shared with every AWS account (public)'
  END AS reason,
  d.name AS document_name,
  d.document_type
FROM aws_ssm_documents d
WHERE d.is_public IS NOT FALSE
ORDER BY d.account_id, d.region, d.arn;
