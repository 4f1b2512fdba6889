-- FSBP EC2.51 (Config rule ec2-client-vpn-connection-log-enabled): ConnectionLogOptions.Enabled true. Deleted and
-- deleting endpoints linger in the list for a while and are out of scope.
SELECT
  e.arn AS resource_id,
  e.account_id,
  e.region,
  'Client VPN endpoint ' || e.client_vpn_endpoint_id || CASE WHEN e.connection_log_enabled IS NULL
    THEN ' did not report whether it logs client connections'
    ELSE ' does not log client connections' END AS reason,
  e.client_vpn_endpoint_id,
  e.status
FROM aws_clientvpn_endpoints e
WHERE e.status IS DISTINCT FROM 'deleted' AND e.status IS DISTINCT FROM 'deleting'
  AND e.connection_log_enabled IS DISTINCT FROM true
ORDER BY e.account_id, e.region, e.arn;
