import { awsEc2SecurityGroupRules, awsEc2SecurityGroups } from '../../../schema/ec2.js';
import { adminPortsReached } from '../../../sync/ec2/admin-ports.js';
import { MORE_ROWS } from '../../../controls/verifiable.js';
import type { Row } from '../../../schema/db.js';
import type { TfResource } from '../resources.js';
import { asBool, asInt, asText, knownString, placeholder, valueOf, type MapContext, type MappedRow, type Mapper } from './common.js';

const ruleColumns = ['ip_protocol', 'from_port', 'to_port', 'cidr_ipv4', 'cidr_ipv6', 'prefix_list_id', 'referenced_group_id', 'admin_ports'];

/**
 * Security groups with their inline rules, and both generations of separate rule resources
 * (aws_security_group_rule; aws_vpc_security_group_ingress_rule / _egress_rule), onto aws_ec2_security_groups
 * and one aws_ec2_security_group_rules row per source, as DescribeSecurityGroupRules lists them. admin_ports
 * comes from sync/ec2/admin-ports.ts, the function the AWS sync uses.
 */
export const securityGroupMapper: Mapper = {
  tables: [awsEc2SecurityGroups.name, awsEc2SecurityGroupRules.name],
  types: ['aws_security_group', 'aws_default_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'],
  map(resources, ctx) {
    const groups = new Map<string, MappedRow>();
    const out: MappedRow[] = [];
    for (const r of resources.filter((x) => x.type === 'aws_security_group' || x.type === 'aws_default_security_group')) {
      const g = groupRow(r, ctx);
      groups.set(r.address, g);
      out.push(g);
      for (const [key, egress] of [['ingress', false], ['egress', true]] as const) {
        const blocks = valueOf(r, [key]);
        if (blocks.unknown) {
          // Rules known only after apply (unset inline blocks are computed): they can add findings, not hide one.
          g.unknown.add(egress ? 'ip_permissions_egress' : 'ip_permissions');
          if (!egress) for (const c of ruleColumns) g.unknown.add(MORE_ROWS + c);
          continue;
        }
        (Array.isArray(blocks.value) ? blocks.value : []).forEach((_, i) => out.push(...ruleRows(r, [key, i], g, egress, ctx)));
      }
    }
    for (const r of resources.filter((x) => !groups.has(x.address) && this.types.includes(x.type) && !x.type.endsWith('security_group'))) {
      const egress = r.type === 'aws_vpc_security_group_egress_rule' || (r.type === 'aws_security_group_rule' && knownString(r, ['type']) === 'egress');
      const literal = knownString(r, ['security_group_id']);
      const group =
        (literal ? [...groups.values()].find((g) => g.row.group_id === literal) : undefined) ??
        groups.get(ctx.resolver.resolve(r, ['security_group_id'], ['aws_security_group', 'aws_default_security_group'])?.address ?? '');
      const groupId = literal ?? (group?.row.group_id as string | undefined) ?? placeholder(r);
      const g = group ?? pseudoGroup(groupId, ctx);
      if (group) group.addresses.push(r.address);
      out.push(...ruleRows(r, [], g, egress, ctx));
    }
    return out;
  },
};

function groupRow(r: TfResource, ctx: MapContext): MappedRow {
  const groupId = knownString(r, ['id']) ?? placeholder(r);
  const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:security-group/${groupId}`;
  const vpcId = knownString(r, ['vpc_id']) ?? (ctx.resolver.resolve(r, ['vpc_id'], ['aws_vpc', 'aws_default_vpc']) ? `tf:${ctx.resolver.resolve(r, ['vpc_id'], ['aws_vpc', 'aws_default_vpc'])!.address}` : null);
  const ingress = valueOf(r, ['ingress']);
  const egress = valueOf(r, ['egress']);
  return {
    table: awsEc2SecurityGroups.name,
    resourceId: arn,
    row: {
      arn,
      group_id: groupId,
      group_name: knownString(r, ['name']) ?? (r.type === 'aws_default_security_group' ? 'default' : placeholder(r)),
      description: knownString(r, ['description']),
      vpc_id: vpcId,
      owner_id: ctx.accountId,
      is_default: r.type === 'aws_default_security_group',
      ip_permissions: ingress.unknown ? null : (ingress.value ?? []),
      ip_permissions_egress: egress.unknown ? null : (egress.value ?? []),
      ingress_rule_count: ingress.unknown || !Array.isArray(ingress.value) ? null : ingress.value.length,
      egress_rule_count: egress.unknown || !Array.isArray(egress.value) ? null : egress.value.length,
      raw: r.values,
    },
    unknown: new Set(),
    addresses: [r.address],
    moduleSource: r.moduleSource,
  };
}

/** A rule's group is outside the plan: its rows still carry the group's id and ARN (it exists in the account). */
function pseudoGroup(groupId: string, ctx: MapContext): MappedRow {
  const arn = `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:security-group/${groupId}`;
  return { table: awsEc2SecurityGroups.name, resourceId: arn, row: { arn, group_id: groupId }, unknown: new Set(), addresses: [], moduleSource: '.' };
}

/**
 * One row per source of a rule block (cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, security_groups, self) or
 * of a new-generation rule (one source each). Rows are keyed to the group, whose findings they explain.
 */
function ruleRows(r: TfResource, base: Array<string | number>, g: MappedRow, egress: boolean, ctx: MapContext): MappedRow[] {
  const at = (k: string) => valueOf(r, [...base, k]);
  const protocolV = at(r.type.startsWith('aws_vpc_') ? 'ip_protocol' : 'protocol');
  const fromV = at('from_port');
  const toV = at('to_port');
  const protocol = normaliseProtocol(asText(protocolV.value) ?? (typeof protocolV.value === 'number' ? String(protocolV.value) : null));
  const all = protocol === '-1';
  const from = all ? -1 : asInt(fromV.value);
  const to = all ? -1 : asInt(toV.value);
  const sources: Array<{ column: string; value: string | null; unknown: boolean }> = [];
  const list = (key: string, column: string) => {
    const v = at(key);
    if (v.unknown) sources.push({ column, value: null, unknown: true });
    else if (Array.isArray(v.value)) v.value.forEach((s, i) => sources.push({ column, value: asText(s), unknown: valueOf(r, [...base, key, i]).unknown }));
    else if (typeof v.value === 'string' && v.value) sources.push({ column, value: v.value, unknown: false });
  };
  list('cidr_blocks', 'cidr_ipv4');
  list('cidr_ipv4', 'cidr_ipv4');
  list('ipv6_cidr_blocks', 'cidr_ipv6');
  list('cidr_ipv6', 'cidr_ipv6');
  list('prefix_list_ids', 'prefix_list_id');
  list('prefix_list_id', 'prefix_list_id');
  list('security_groups', 'referenced_group_id');
  list('source_security_group_id', 'referenced_group_id');
  list('referenced_security_group_id', 'referenced_group_id');
  if (asBool(at('self').value)) sources.push({ column: 'referenced_group_id', value: String(g.row.group_id), unknown: false });
  return sources.map((s, n) => {
    const unknown = new Set<string>();
    if (s.unknown) unknown.add(s.column);
    if (protocolV.unknown) unknown.add('ip_protocol').add('admin_ports');
    if (!all && (fromV.unknown || toV.unknown)) unknown.add('from_port').add('to_port').add('admin_ports');
    const id = `${placeholder(r)}${base.length ? `/${base.join('.')}` : ''}#${n}`;
    const row: Row = {
      arn: `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:security-group-rule/${id}`,
      security_group_rule_id: id,
      group_id: g.row.group_id,
      group_owner_id: ctx.accountId,
      is_egress: egress,
      ip_protocol: protocol,
      from_port: from,
      to_port: to,
      cidr_ipv4: null,
      cidr_ipv6: null,
      referenced_group_id: null,
      prefix_list_id: null,
      [s.column]: s.value,
      description: asText(at('description').value),
      admin_ports: egress ? [] : adminPortsReached(protocol, from, to),
      raw: base.length ? null : r.values,
    };
    for (const c of unknown) if (c !== 'admin_ports' || !egress) row[c] = null;
    // Findings name the group: its Terraform addresses and unknowns travel with the group's ARN.
    for (const c of unknown) g.unknown.add(c);
    return { table: awsEc2SecurityGroupRules.name, resourceId: String(g.resourceId), row, unknown, addresses: [...new Set([...g.addresses, r.address])], moduleSource: r.moduleSource };
  });
}

/** Terraform accepts names, numbers and 'all' for all traffic; AWS reports '-1', and tcp/udp/icmp by name. */
function normaliseProtocol(p: string | null): string | null {
  if (p === null) return null;
  const lower = p.toLowerCase();
  if (lower === 'all' || lower === '-1') return '-1';
  return ({ '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' } as Record<string, string>)[lower] ?? lower;
}
