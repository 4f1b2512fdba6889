-- FSBP EC2.20: every tunnel UP (AWS reports two per connection).
SELECT
  v.arn AS resource_id,
  v.account_id,
  v.region,
  'VPN connection ' || v.vpn_connection_id || CASE WHEN coalesce(v.tunnel_count, 0) < 2
    THEN ' reported ' || coalesce(v.tunnel_count, 0) || ' of its 2 tunnels'
    ELSE ' has ' || (v.tunnel_count - v.tunnels_up) || ' of its ' || v.tunnel_count || ' tunnels down' END AS reason,
  v.vpn_connection_id,
  v.state
FROM aws_ec2_vpn_connections v
WHERE v.state IS DISTINCT FROM 'deleted' AND v.state IS DISTINCT FROM 'deleting'
  AND (coalesce(v.tunnel_count, 0) < 2 OR v.tunnels_up IS NULL OR v.tunnels_up < v.tunnel_count)
ORDER BY v.account_id, v.region, v.arn;
