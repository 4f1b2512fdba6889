import { EC2Client, paginateDescribeSecurityGroupRules, paginateDescribeSecurityGroups, type SecurityGroup, type SecurityGroupRule } from '@aws-sdk/client-ec2';
import { awsEc2SecurityGroupRules, awsEc2SecurityGroups } from '../../schema/ec2.js';
import { adminPortsReached } from './admin-ports.js';
import { allItems, ec2Arn, listCollector, requireElement, tagMap } from './shared.js';

export const securityGroupsCollector = listCollector<SecurityGroup>({
  name: 'security-groups',
  table: awsEc2SecurityGroups,
  list: (ctx) => allItems(paginateDescribeSecurityGroups({ client: ctx.client(EC2Client) }, {}), (p) => requireElement(p.SecurityGroups, 'DescribeSecurityGroups', 'SecurityGroups')),
  row: (g, ctx) => ({
    arn: g.SecurityGroupArn ?? ec2Arn(ctx, 'security-group', g.GroupId, g.OwnerId),
    group_id: g.GroupId ?? null,
    group_name: g.GroupName ?? null,
    description: g.Description ?? null,
    vpc_id: g.VpcId ?? null,
    owner_id: g.OwnerId ?? null,
    // Every VPC has exactly one group named 'default', and no other group may take that name.
    is_default: g.GroupName === 'default',
    ip_permissions: g.IpPermissions ?? [],
    ip_permissions_egress: g.IpPermissionsEgress ?? [],
    ingress_rule_count: (g.IpPermissions ?? []).length,
    egress_rule_count: (g.IpPermissionsEgress ?? []).length,
    tags: tagMap(g.Tags),
  }),
});

/** One row per rule, so a check can test each source (IPv4, IPv6, group, prefix list) and port range alone. */
export const securityGroupRulesCollector = listCollector<SecurityGroupRule>({
  name: 'security-group-rules',
  table: awsEc2SecurityGroupRules,
  list: (ctx) => allItems(paginateDescribeSecurityGroupRules({ client: ctx.client(EC2Client) }, {}), (p) => requireElement(p.SecurityGroupRules, 'DescribeSecurityGroupRules', 'SecurityGroupRules')),
  row: (r, ctx) => ({
    arn: r.SecurityGroupRuleArn ?? ec2Arn(ctx, 'security-group-rule', r.SecurityGroupRuleId, r.GroupOwnerId),
    security_group_rule_id: r.SecurityGroupRuleId ?? null,
    group_id: r.GroupId ?? null,
    group_owner_id: r.GroupOwnerId ?? null,
    is_egress: r.IsEgress ?? false,
    ip_protocol: r.IpProtocol ?? null,
    from_port: r.FromPort ?? null,
    to_port: r.ToPort ?? null,
    cidr_ipv4: r.CidrIpv4 ?? null,
    cidr_ipv6: r.CidrIpv6 ?? null,
    referenced_group_id: r.ReferencedGroupInfo?.GroupId ?? null,
    referenced_group_owner_id: r.ReferencedGroupInfo?.UserId ?? null,
    prefix_list_id: r.PrefixListId ?? null,
    description: r.Description ?? null,
    admin_ports: r.IsEgress ? [] : adminPortsReached(r.IpProtocol, r.FromPort, r.ToPort),
    tags: tagMap(r.Tags),
  }),
});
