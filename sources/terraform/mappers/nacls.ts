import type { NetworkAclEntry } from '@aws-sdk/client-ec2';
import { awsEc2NetworkAclEntries, awsEc2NetworkAcls } from '../../../schema/ec2.js';
import { naclAdminExposure } from '../../../sync/ec2/nacl-exposure.js';
import { naclEntryRow } from '../../../sync/ec2/nacl-entry-row.js';
import type { TfResource } from '../resources.js';
import { asInt, asText, knownString, knownStrings, placeholder, valueOf, type MapContext, type MappedRow, type Mapper } from './common.js';
import { vpcIdOf } from './vpcs.js';

const protocolNumbers: Record<string, string> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1' };

interface Acl {
  out: MappedRow;
  entries: NetworkAclEntry[];
  /** Some entry (or the list of entries) is known only after apply: the exposure cannot be computed. */
  unknownEntries: boolean;
}

/**
 * Network ACLs (aws_network_acl, aws_default_network_acl) with their inline ingress/egress blocks and separate
 * aws_network_acl_rule resources, onto aws_ec2_network_acls and aws_ec2_network_acl_entries. The exposure comes
 * from sync/ec2/nacl-exposure.ts, the function the EC2 sync uses: inbound entries in rule-number order, as AWS
 * evaluates them. An entry known only after apply leaves the exposure unknown (any entry can change the walk).
 * Unset inline blocks are computed: on create the ACL holds exactly the plan's rules (AWS creates a new ACL
 * with only the final deny; aws_default_network_acl removes every rule it does not declare).
 */
export const naclMapper: Mapper = {
  tables: [awsEc2NetworkAcls.name, awsEc2NetworkAclEntries.name],
  types: ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule'],
  map(resources, ctx) {
    const acls = new Map<string, Acl>();
    for (const r of resources.filter((x) => x.type !== 'aws_network_acl_rule')) acls.set(r.address, aclOf(r, ctx));
    for (const r of resources.filter((x) => x.type === 'aws_network_acl_rule')) {
      const literal = knownString(r, ['network_acl_id']);
      const acl =
        (literal ? [...acls.values()].find((a) => a.out.row.network_acl_id === literal) : undefined) ??
        acls.get(ctx.resolver.resolve(r, ['network_acl_id'], ['aws_network_acl', 'aws_default_network_acl'])?.address ?? '');
      // A rule of an ACL outside this plan: the rest of that ACL is unknown, so its exposure cannot be judged here.
      if (!acl) continue;
      acl.out.addresses.push(r.address);
      const e = entryOf(r, [], 'rule_number', 'rule_action', asBoolOr(valueOf(r, ['egress']).value, false));
      if (e === null) acl.unknownEntries = true;
      else acl.entries.push(e);
    }
    const out: MappedRow[] = [];
    for (const acl of acls.values()) {
      const row = acl.out.row;
      row.entries = acl.unknownEntries ? null : acl.entries;
      if (acl.unknownEntries) {
        row.ingress_admin_exposure = null;
        acl.out.unknown.add('ingress_admin_exposure').add('entries');
      } else row.ingress_admin_exposure = naclAdminExposure(acl.entries);
      out.push(acl.out);
      if (!acl.unknownEntries) out.push(...acl.entries.map((e) => entryRow(acl, e)));
    }
    return out;
  },
};

function aclOf(r: TfResource, ctx: MapContext): Acl {
  const isDefault = r.type === 'aws_default_network_acl';
  const id = knownString(r, ['id']) ?? (isDefault ? knownString(r, ['default_network_acl_id']) : null) ?? placeholder(r);
  const vpcRef = ctx.resolver.resolve(r, [isDefault ? 'default_network_acl_id' : 'vpc_id'], ['aws_vpc', 'aws_default_vpc']);
  const vpcId = knownString(r, ['vpc_id']) ?? (vpcRef ? vpcIdOf(vpcRef) : null);
  const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:network-acl/${id}`;
  // subnet_ids is computed (aws_network_acl_association fills it too): known only after apply, it is unknown, never
  // "no subnet" (FSBP EC2.16 would call the ACL unused).
  const subnetIds = knownStrings(r, ['subnet_ids']);
  const acl: Acl = {
    out: {
      table: awsEc2NetworkAcls.name,
      resourceId: arn,
      row: { arn, network_acl_id: id, vpc_id: vpcId, is_default: isDefault, owner_id: ctx.accountId, subnet_ids: subnetIds, tags: r.values.tags ?? null, raw: r.values },
      unknown: new Set(subnetIds === null ? ['subnet_ids'] : []),
      addresses: [r.address],
      moduleSource: r.moduleSource,
    },
    entries: [],
    unknownEntries: false,
  };
  for (const [key, egress] of [['ingress', false], ['egress', true]] as const) {
    const blocks = valueOf(r, [key]);
    if (blocks.unknown) {
      if (r.action !== 'create' && r.type !== 'aws_default_network_acl') acl.unknownEntries = true;
      continue;
    }
    (Array.isArray(blocks.value) ? blocks.value : []).forEach((_, i) => {
      const e = entryOf(r, [key, i], 'rule_no', 'action', egress);
      if (e === null) acl.unknownEntries = true;
      else acl.entries.push(e);
    });
  }
  return acl;
}

/** The entry as DescribeNetworkAcls lists it, or null when a value it is judged by is unknown. */
function entryOf(r: TfResource, base: Array<string | number>, numberKey: string, actionKey: string, egress: boolean): NetworkAclEntry | null {
  const at = (k: string) => valueOf(r, [...base, k]);
  const keys = [numberKey, actionKey, 'protocol', 'cidr_block', 'ipv6_cidr_block', 'from_port', 'to_port'];
  if (keys.some((k) => at(k).unknown)) return null;
  const protocolText = asText(at('protocol').value) ?? (typeof at('protocol').value === 'number' ? String(at('protocol').value) : '-1');
  const protocol = protocolNumbers[protocolText.toLowerCase()] ?? protocolText;
  const all = protocol === '-1';
  return {
    RuleNumber: asInt(at(numberKey).value) ?? 0,
    Egress: egress,
    Protocol: protocol,
    RuleAction: (asText(at(actionKey).value) ?? 'deny').toLowerCase() as NetworkAclEntry['RuleAction'],
    CidrBlock: asText(at('cidr_block').value) ?? undefined,
    Ipv6CidrBlock: asText(at('ipv6_cidr_block').value) ?? undefined,
    PortRange: all ? undefined : { From: asInt(at('from_port').value) ?? undefined, To: asInt(at('to_port').value) ?? undefined },
    IcmpTypeCode: protocol === '1' || protocol === '58' ? { Type: asInt(at('icmp_type').value) ?? undefined, Code: asInt(at('icmp_code').value) ?? undefined } : undefined,
  };
}

function entryRow(acl: Acl, e: NetworkAclEntry): MappedRow {
  const id = String(acl.out.row.network_acl_id);
  const entryId = `${id}:${e.Egress ? 'egress' : 'ingress'}:${e.RuleNumber}`;
  return {
    table: awsEc2NetworkAclEntries.name,
    resourceId: entryId,
    row: naclEntryRow({ id, arn: acl.out.resourceId, vpcId: acl.out.row.vpc_id }, e),
    unknown: new Set(),
    addresses: acl.out.addresses,
    moduleSource: acl.out.moduleSource,
  };
}

function asBoolOr(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}
