-- FSBP EC2.23: AutoAcceptSharedAttachments disable; deleted transit gateways linger in the list for a while.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'Transit gateway ' || t.transit_gateway_id || CASE WHEN t.auto_accept_shared_attachments IS NULL
    THEN ' did not report whether it accepts shared attachments automatically'
    ELSE ' accepts shared VPC attachment requests automatically' END AS reason,
  t.transit_gateway_id,
  t.state
FROM aws_ec2_transit_gateways t
WHERE t.state IS DISTINCT FROM 'deleted' AND t.auto_accept_shared_attachments IS DISTINCT FROM 'disable'
ORDER BY t.account_id, t.region, t.arn;
