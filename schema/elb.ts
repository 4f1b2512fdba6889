import { defineTable, type TableDef } from './table.js';

export const awsElbLoadBalancers = defineTable({
  name: 'aws_elb_load_balancers',
  description: 'One row per Classic Load Balancer of the region, with its attributes (DescribeLoadBalancers, DescribeLoadBalancerAttributes)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Load balancer ARN (arn:<partition>:elasticloadbalancing:<region>:<account>:loadbalancer/<name>)' },
    { name: 'name', type: 'VARCHAR', description: 'Load balancer name' },
    { name: 'scheme', type: 'VARCHAR', description: 'internet-facing or internal' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the load balancer; NULL for EC2-Classic' },
    { name: 'dns_name', type: 'VARCHAR', description: 'DNS name' },
    { name: 'availability_zones', type: 'VARCHAR[]', description: 'Availability Zones the load balancer serves' },
    { name: 'cross_zone_enabled', type: 'BOOLEAN', description: 'CrossZoneLoadBalancing.Enabled; NULL when the attributes could not be read' },
    { name: 'access_log_enabled', type: 'BOOLEAN', description: 'AccessLog.Enabled; NULL when the attributes could not be read' },
    { name: 'access_log_bucket', type: 'VARCHAR', description: 'AccessLog.S3BucketName' },
    { name: 'connection_draining_enabled', type: 'BOOLEAN', description: 'ConnectionDraining.Enabled; NULL when the attributes could not be read' },
    { name: 'connection_draining_timeout', type: 'INTEGER', description: 'ConnectionDraining.Timeout in seconds' },
    { name: 'desync_mitigation_mode', type: 'VARCHAR', description: "Additional attribute elb.http.desyncmitigationmode: monitor, defensive or strictest; NULL when AWS did not report it" },
  ],
});

export const awsElbListeners = defineTable({
  name: 'aws_elb_listeners',
  description:
    'One row per listener of every Classic Load Balancer of the region, with the TLS security policy of HTTPS/SSL listeners (DescribeLoadBalancers, DescribeLoadBalancerPolicies)',
  scope: 'regional',
  resourceId: 'load_balancer_arn',
  columns: [
    { name: 'load_balancer_arn', type: 'VARCHAR', description: 'ARN of the Classic Load Balancer the listener belongs to' },
    { name: 'load_balancer_name', type: 'VARCHAR', description: 'Load balancer name' },
    { name: 'protocol', type: 'VARCHAR', description: 'Front-end protocol: HTTP, HTTPS, TCP or SSL' },
    { name: 'port', type: 'INTEGER', description: 'Front-end port' },
    { name: 'instance_protocol', type: 'VARCHAR', description: 'Back-end protocol' },
    { name: 'instance_port', type: 'INTEGER', description: 'Back-end port' },
    { name: 'ssl_certificate_id', type: 'VARCHAR', description: 'Certificate ARN of an HTTPS or SSL listener: an ACM certificate or an IAM server certificate' },
    { name: 'policy_names', type: 'VARCHAR[]', description: 'Policies attached to the listener' },
    { name: 'reference_security_policy', type: 'VARCHAR', description: "Predefined security policy the listener's SSL negotiation policy references (Reference-Security-Policy); NULL for a custom policy, a listener without TLS, or when the policies could not be read" },
  ],
});

export const tables: TableDef[] = [awsElbLoadBalancers, awsElbListeners];
