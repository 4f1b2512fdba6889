-- FSBP ELB.3: every listener of a Classic Load Balancer terminates HTTPS or TLS (front-end protocol HTTPS or SSL).
-- A load balancer fails with the list of its HTTP/TCP listeners; one whose listeners were not collected fails too.
SELECT
  lb.arn AS resource_id,
  lb.account_id,
  lb.region,
  CASE WHEN count(l.load_balancer_arn) = 0 THEN 'No listener of Classic Load Balancer ' || lb.name || ' was reported'
       ELSE 'Classic Load Balancer ' || lb.name || ' has listener(s) without HTTPS or TLS termination: '
         || string_agg(l.protocol || ':' || l.port, ', ' ORDER BY l.port) FILTER (WHERE l.protocol IS NULL OR l.protocol NOT IN ('HTTPS', 'SSL')) END AS reason,
  lb.name AS load_balancer_name
FROM aws_elb_load_balancers lb
LEFT JOIN aws_elb_listeners l
  ON l.account_id = lb.account_id AND l.region = lb.region AND l.load_balancer_arn = lb.arn
GROUP BY lb.arn, lb.account_id, lb.region, lb.name
HAVING count(l.load_balancer_arn) = 0 OR count(*) FILTER (WHERE l.protocol IS NULL OR l.protocol NOT IN ('HTTPS', 'SSL')) > 0
ORDER BY lb.account_id, lb.region, lb.arn;
