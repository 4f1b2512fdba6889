-- FSBP EC2.25: the default version (what a launch without a version uses), as the Config rule judges it.
SELECT
  t.arn AS resource_id,
  t.account_id,
  t.region,
  'EC2 launch template ' || coalesce(t.name, t.launch_template_id) || CASE WHEN t.public_ip_interfaces IS NULL
    THEN ' did not report its default version''s network interfaces'
    ELSE ' assigns a public IP address to ' || t.public_ip_interfaces || ' network interface(s) of its default version (v'
      || coalesce(CAST(t.default_version_number AS VARCHAR), '?') || ')' END AS reason,
  t.launch_template_id,
  t.name AS launch_template_name
FROM aws_ec2_launch_templates t
WHERE t.public_ip_interfaces IS NULL OR t.public_ip_interfaces > 0
ORDER BY t.account_id, t.region, t.arn;
