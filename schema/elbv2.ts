import { defineTable, type TableDef } from './table.js';

export const awsElbv2LoadBalancers = defineTable({
  name: 'aws_elbv2_load_balancers',
  description: 'One row per Application, Network or Gateway Load Balancer of the region, with its logging attributes',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Load balancer ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Load balancer name' },
    { name: 'type', type: 'VARCHAR', description: 'application, network or gateway' },
    { name: 'scheme', type: 'VARCHAR', description: 'internet-facing or internal' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC of the load balancer' },
    { name: 'state', type: 'VARCHAR', description: 'active, provisioning, active_impaired or failed' },
    { name: 'dns_name', type: 'VARCHAR', description: 'Public or internal DNS name' },
    { name: 'access_logs_enabled', type: 'BOOLEAN', description: 'Attribute access_logs.s3.enabled; NULL when the attributes could not be read (gateway load balancers have no access logs)' },
    { name: 'access_logs_bucket', type: 'VARCHAR', description: 'Attribute access_logs.s3.bucket' },
    { name: 'access_logs_prefix', type: 'VARCHAR', description: 'Attribute access_logs.s3.prefix' },
    { name: 'connection_logs_enabled', type: 'BOOLEAN', description: 'Attribute connection_logs.s3.enabled (Application Load Balancers)' },
    { name: 'deletion_protection_enabled', type: 'BOOLEAN', description: 'Attribute deletion_protection.enabled' },
    { name: 'drop_invalid_header_fields', type: 'BOOLEAN', description: 'Attribute routing.http.drop_invalid_header_fields.enabled (Application Load Balancers)' },
    { name: 'desync_mitigation_mode', type: 'VARCHAR', description: 'Attribute routing.http.desync_mitigation_mode (Application Load Balancers): monitor, defensive or strictest; NULL when not reported' },
    { name: 'availability_zones', type: 'VARCHAR[]', description: 'Availability Zones the load balancer is enabled in (DescribeLoadBalancers AvailabilityZones ZoneName)' },
    { name: 'waf_web_acl_arn', type: 'VARCHAR', description: 'AWS WAF web ACL associated with an Application Load Balancer (wafv2 GetWebACLForResource); NULL when none, or not read (see waf_association_read)' },
    { name: 'waf_association_read', type: 'BOOLEAN', description: 'True when GetWebACLForResource answered for this Application Load Balancer; false when it failed; NULL for other types (WAF protects Application Load Balancers only)' },
    { name: 'attributes', type: 'JSON', description: 'Every attribute as a {key: value} object (DescribeLoadBalancerAttributes)' },
  ],
});

export const awsElbv2Listeners = defineTable({
  name: 'aws_elbv2_listeners',
  description: "One row per listener of each Application, Network or Gateway Load Balancer (DescribeListeners), with the rules of Application Load Balancers' HTTP listeners (DescribeRules)",
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Listener ARN' },
    { name: 'load_balancer_arn', type: 'VARCHAR', description: 'Load balancer the listener belongs to' },
    { name: 'load_balancer_name', type: 'VARCHAR', description: 'Load balancer name' },
    { name: 'load_balancer_type', type: 'VARCHAR', description: 'application, network or gateway' },
    { name: 'protocol', type: 'VARCHAR', description: 'HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP or GENEVE' },
    { name: 'port', type: 'INTEGER', description: 'Listener port' },
    { name: 'default_action_type', type: 'VARCHAR', description: 'Type of the default action that ends the chain (forward, redirect, fixed-response; authenticate actions come first)' },
    { name: 'default_redirect_protocol', type: 'VARCHAR', description: "RedirectConfig.Protocol of that action when it redirects (HTTPS, HTTP or '#{protocol}', the request's own)" },
    { name: 'rules_read', type: 'BOOLEAN', description: "True when DescribeRules answered (read for Application Load Balancers' HTTP listeners only, NULL for others); false when it failed" },
    { name: 'rule_actions', type: 'JSON', description: 'The non-default rules of the listener: [{priority, type, redirectProtocol}] with the action ending each rule; NULL when not read' },
  ],
});

export const tables: TableDef[] = [awsElbv2LoadBalancers, awsElbv2Listeners];
