import { adminPortsReached } from '../../../../sync/ec2/admin-ports.js';
import { prefixListRow } from '../../../../sync/ec2/managed-prefix-lists.js';

export const acct = '111111111111';
let n = 0;

/** A security-group rule row; admin_ports is derived by the sync's own code, as a real sync stores it. */
export const rule = (
  group_id: string,
  ip_protocol: string,
  from_port: number,
  to_port: number,
  source: { cidr_ipv4?: string; cidr_ipv6?: string; prefix_list_id?: string },
  is_egress = false,
) => ({
  arn: `arn:aws:ec2:us-east-1:${acct}:security-group-rule/sgr-${++n}`,
  security_group_rule_id: `sgr-${n}`,
  group_id,
  is_egress,
  ip_protocol,
  from_port,
  to_port,
  admin_ports: is_egress ? [] : adminPortsReached(ip_protocol, from_port, to_port),
  ...source,
});

export const group = (group_id: string) => ({ arn: `arn:aws:ec2:us-east-1:${acct}:security-group/${group_id}`, group_id, group_name: group_id, vpc_id: 'vpc-1' });

/** A managed prefix list row as the collector builds it; `cidrs` undefined: its entries could not be read. */
export const prefixList = (id: string, family: 'IPv4' | 'IPv6', cidrs: string[] | undefined) =>
  prefixListRow(
    { PrefixListId: id, PrefixListArn: `arn:aws:ec2:us-east-1:${acct}:prefix-list/${id}`, AddressFamily: family, PrefixListName: id, OwnerId: acct },
    cidrs?.map((Cidr) => ({ Cidr })),
  );
