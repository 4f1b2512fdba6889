-- FSBP ELB.1: every HTTP listener of an Application Load Balancer redirects to HTTPS. The Config rule
-- alb-http-to-https-redirection-check fails an HTTP listener without that redirect, or one that forwards instead;
-- a rule of the listener that forwards (or redirects elsewhere than HTTPS, '#{protocol}' keeping HTTP) serves those
-- requests over HTTP, so it fails too; fixed-response rules serve no content and pass. Rules not read fail.
-- Judged per load balancer; one without HTTP listeners passes.
WITH bad_rules AS (
  SELECT l.arn, list('rule ' || coalesce(json_extract_string(e.value, '$.priority'), '?') || ' ' || coalesce(json_extract_string(e.value, '$.type'), 'unknown action')
           ORDER BY json_extract_string(e.value, '$.priority')) AS rules
  FROM aws_elbv2_listeners l, json_each(l.rule_actions) AS e
  WHERE coalesce(json_extract_string(e.value, '$.type'), '') <> 'fixed-response'
    AND NOT (json_extract_string(e.value, '$.type') = 'redirect' AND json_extract_string(e.value, '$.redirectProtocol') = 'HTTPS')
  GROUP BY l.arn
), failing AS (
  SELECT
    l.load_balancer_arn,
    'port ' || l.port || ': ' || CASE
      WHEN NOT (coalesce(l.default_action_type, '') = 'redirect' AND coalesce(l.default_redirect_protocol, '') = 'HTTPS') THEN 'default action ' || coalesce(l.default_action_type, 'not reported')
        || coalesce(' to ' || l.default_redirect_protocol, '') || ', not a redirect to HTTPS'
      WHEN l.rules_read IS NOT TRUE THEN 'rules not read (sync again)'
      ELSE array_to_string(b.rules, ', ') || ' not redirected to HTTPS' END AS problem
  FROM aws_elbv2_listeners l
  LEFT JOIN bad_rules b ON b.arn = l.arn
  WHERE l.load_balancer_type = 'application' AND l.protocol = 'HTTP'
    AND (NOT (coalesce(l.default_action_type, '') = 'redirect' AND coalesce(l.default_redirect_protocol, '') = 'HTTPS')
         OR l.rules_read IS NOT TRUE OR b.arn IS NOT NULL)
)
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  'Application Load Balancer ' || lb.name || ' serves HTTP without redirecting to HTTPS: ' || string_agg(f.problem, '; ' ORDER BY f.problem) AS reason,
  lb.name AS load_balancer,
  list(f.problem ORDER BY f.problem) AS listeners
FROM aws_elbv2_load_balancers lb
JOIN failing f ON f.load_balancer_arn = lb.arn
WHERE lb.type = 'application'
GROUP BY lb.arn, lb.account_id, lb.region, lb.name
ORDER BY lb.account_id, lb.region, lb.arn;
