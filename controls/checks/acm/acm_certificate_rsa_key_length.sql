-- FSBP ACM.2: every RSA certificate in ACM has a key of at least 2,048 bits. ACM reports the key as RSA_<bits>;
-- EC certificates are not in scope. (ACM no longer issues 1,024-bit keys, but imported ones remain.)
SELECT
  c.arn AS resource_id,
  c.account_id,
  c.region,
  'ACM certificate for ' || coalesce(c.domain_name, '?') || ' uses an RSA key shorter than 2,048 bits (' || c.key_algorithm || ')' AS reason,
  c.domain_name,
  c.key_algorithm
FROM aws_acm_certificates c
WHERE starts_with(c.key_algorithm, 'RSA_')
  AND coalesce(TRY_CAST(substr(c.key_algorithm, 5) AS INTEGER), 0) < 2048
ORDER BY c.account_id, c.region, c.arn;
