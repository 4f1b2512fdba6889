import type { NetworkAclEntry } from '@aws-sdk/client-ec2';
import type { Row } from '../../schema/db.js';

/** One aws_ec2_network_acl_entries row, as the EC2 sync and the Terraform mapper both write it. */
export function naclEntryRow(acl: { id: string | null; arn: string; vpcId: unknown }, e: NetworkAclEntry): Row {
  return {
    entry_id: `${acl.id}:${e.Egress ? 'egress' : 'ingress'}:${e.RuleNumber}`,
    network_acl_id: acl.id,
    network_acl_arn: acl.arn,
    vpc_id: acl.vpcId ?? null,
    rule_number: e.RuleNumber ?? null,
    egress: e.Egress ?? false,
    protocol: e.Protocol ?? null,
    rule_action: e.RuleAction ?? null,
    cidr_block: e.CidrBlock ?? null,
    ipv6_cidr_block: e.Ipv6CidrBlock ?? null,
    port_from: e.PortRange?.From ?? null,
    port_to: e.PortRange?.To ?? null,
    icmp_type: e.IcmpTypeCode?.Type ?? null,
    icmp_code: e.IcmpTypeCode?.Code ?? null,
    raw: e,
  };
}
