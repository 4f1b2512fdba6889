import { defineTable, type TableDef } from './table.js';

export const awsNetworkfirewallFirewalls = defineTable({
  name: 'aws_networkfirewall_firewalls',
  description: 'One row per AWS Network Firewall firewall of the region (ListFirewalls, DescribeFirewall, DescribeLoggingConfiguration)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Firewall ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Firewall name' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC the firewall protects' },
    { name: 'policy_arn', type: 'VARCHAR', description: 'Firewall policy in use' },
    { name: 'deletion_protection', type: 'BOOLEAN', description: 'DeleteProtection: the firewall cannot be deleted until it is turned off; NULL when not reported' },
    { name: 'subnet_change_protection', type: 'BOOLEAN', description: 'SubnetChangeProtection' },
    { name: 'policy_change_protection', type: 'BOOLEAN', description: 'FirewallPolicyChangeProtection' },
    { name: 'log_types', type: 'VARCHAR[]', description: 'Log types sent to a destination (FLOW, ALERT, TLS); empty when none; NULL when the logging configuration was not read' },
    { name: 'log_destination_types', type: 'VARCHAR[]', description: 'Destination types of those logs (S3, CloudWatchLogs, KinesisDataFirehose)' },
  ],
});

export const awsNetworkfirewallPolicies = defineTable({
  name: 'aws_networkfirewall_policies',
  description: 'One row per AWS Network Firewall firewall policy of the region (ListFirewallPolicies, DescribeFirewallPolicy)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Firewall policy ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Firewall policy name' },
    { name: 'stateless_default_actions', type: 'VARCHAR[]', description: 'StatelessDefaultActions for full packets no stateless rule matched (aws:pass, aws:drop, aws:forward_to_sfe, custom actions); NULL when not reported' },
    { name: 'stateless_fragment_default_actions', type: 'VARCHAR[]', description: 'StatelessFragmentDefaultActions for fragmented packets; NULL when not reported' },
    { name: 'stateless_rule_group_arns', type: 'VARCHAR[]', description: 'Stateless rule groups the policy references; NULL when not reported' },
    { name: 'stateful_rule_group_arns', type: 'VARCHAR[]', description: 'Stateful rule groups the policy references; NULL when not reported' },
    { name: 'stateful_default_actions', type: 'VARCHAR[]', description: 'StatefulDefaultActions (strict rule order only)' },
  ],
});

export const awsNetworkfirewallRuleGroups = defineTable({
  name: 'aws_networkfirewall_rule_groups',
  description: 'One row per AWS Network Firewall rule group the account owns in the region (ListRuleGroups, DescribeRuleGroup)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Rule group ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Rule group name' },
    { name: 'type', type: 'VARCHAR', description: 'STATELESS or STATEFUL' },
    { name: 'rule_count', type: 'INTEGER', description: 'Stateless rules of a STATELESS group; NULL for STATEFUL groups (rules string, variables, domain lists) and when not reported' },
    { name: 'capacity', type: 'INTEGER', description: 'Capacity reserved for the group' },
    { name: 'association_count', type: 'INTEGER', description: 'Firewall policies that reference the group' },
  ],
});

export const tables: TableDef[] = [awsNetworkfirewallFirewalls, awsNetworkfirewallPolicies, awsNetworkfirewallRuleGroups];
