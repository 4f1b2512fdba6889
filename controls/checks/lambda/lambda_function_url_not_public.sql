-- A function URL with AuthType NONE is an HTTPS endpoint on the internet that Lambda does not authenticate: only the
-- function's resource-based policy stands between it and anyone (the console adds a public grant when the URL is
-- created), so the URL itself is the exposure, as AWS's guidance and the peer check judge it. Whether the policy
-- currently grants everyone is shown as evidence. An auth type not reported fails: it cannot be shown signed.
SELECT
  u.function_arn AS resource_id,
  u.account_id,
  u.region,
  CASE
    WHEN u.auth_type IS NULL THEN 'The auth type of the URL of function ' || u.function_name || ' was not reported: it cannot be shown to require IAM (sync again)'
    WHEN f.policy_is_public THEN 'Function ' || u.function_name || ' has a URL without IAM authentication (AuthType NONE), and its resource policy lets anyone invoke it'
    ELSE 'Function ' || u.function_name || ' has a URL without IAM authentication (AuthType NONE): only its resource policy limits who may call ' || coalesce(u.function_url, 'it')
  END AS reason,
  u.function_name,
  u.function_url,
  u.auth_type,
  f.policy_is_public
FROM aws_lambda_function_urls u
LEFT JOIN aws_lambda_functions f
  ON f.account_id = u.account_id AND f.region = u.region AND f.function_name = u.function_name
WHERE u.auth_type IS DISTINCT FROM 'AWS_IAM'
ORDER BY u.account_id, u.region, u.function_name, u.function_arn;
