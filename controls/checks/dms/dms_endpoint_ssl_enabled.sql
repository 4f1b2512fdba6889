-- FSBP DMS.9: every endpoint engine is judged.
SELECT
  e.arn AS resource_id,
  e.account_id,
  e.region,
  'DMS ' || lower(coalesce(e.endpoint_type, '')) || ' endpoint ' || e.identifier || ' (' || coalesce(e.engine_name, 'unknown engine') || ')'
    || CASE WHEN e.ssl_mode IS NULL THEN ' did not report its SSL mode' ELSE ' does not use SSL (SslMode ' || e.ssl_mode || ')' END AS reason,
  e.identifier AS endpoint,
  e.engine_name,
  e.ssl_mode
FROM aws_dms_endpoints e
WHERE e.ssl_mode IS NULL OR e.ssl_mode NOT IN ('require', 'verify-ca', 'verify-full')
ORDER BY e.account_id, e.region, e.arn;
