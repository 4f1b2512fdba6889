-- FSBP PrivateCertificateAuthority.1 (Config rule acm-pca-root-ca-disabled): a root CA whose status is anything
-- but DISABLED fails, as the rule says; a root CA is meant to sign subordinate CAs and then be kept disabled.
-- A CA whose type was not reported might be a root: it cannot pass.
SELECT
  ca.arn AS resource_id,
  ca.account_id,
  ca.region,
  CASE
    WHEN ca.type IS NULL THEN 'The type of certificate authority ' || coalesce(ca.subject_common_name, ca.arn) || ' was not reported: it may be an enabled root CA (sync again)'
    WHEN ca.status IS NULL THEN 'The status of root certificate authority ' || coalesce(ca.subject_common_name, ca.arn) || ' was not reported: it cannot be shown to be disabled (sync again)'
    ELSE 'Root certificate authority ' || coalesce(ca.subject_common_name, ca.arn) || ' is ' || ca.status || ', not DISABLED'
  END AS reason,
  ca.subject_common_name AS common_name,
  ca.type,
  ca.status
FROM aws_acmpca_certificate_authorities ca
WHERE ca.type IS NULL OR (ca.type = 'ROOT' AND ca.status IS DISTINCT FROM 'DISABLED')
ORDER BY ca.account_id, ca.region, ca.arn;
