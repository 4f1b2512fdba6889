import { awsEc2FlowLogs, awsEc2Vpcs } from '../../../schema/ec2.js';
import type { TfResource } from '../resources.js';
import { knownString, placeholder, RowBuilder, type MapContext, type MappedRow, type Mapper } from './common.js';

const targets = [
  { key: 'vpc_id', types: ['aws_vpc', 'aws_default_vpc'], kind: 'VPC' },
  { key: 'subnet_id', types: ['aws_subnet', 'aws_default_subnet'], kind: 'Subnet' },
  { key: 'eni_id', types: ['aws_network_interface'], kind: 'NetworkInterface' },
] as const;

/**
 * VPCs and flow logs. A flow log finds its VPC by the known id or, on create, by its `vpc_id` reference (the VPC's
 * id is then the VPC's placeholder, so the check's join holds). `status` is ACTIVE: that is the state of a flow
 * log that exists; delivery (deliver_logs_status) is known only once it runs, and no check here needs it.
 */
export const vpcMapper: Mapper = {
  tables: [awsEc2Vpcs.name, awsEc2FlowLogs.name],
  types: ['aws_vpc', 'aws_default_vpc', 'aws_flow_log'],
  map(resources, ctx) {
    const out: MappedRow[] = [];
    for (const r of resources.filter((x) => x.type === 'aws_vpc' || x.type === 'aws_default_vpc')) out.push(vpcRow(r, ctx));
    for (const r of resources.filter((x) => x.type === 'aws_flow_log')) out.push(flowLogRow(r, ctx));
    return out;
  },
};

export function vpcIdOf(r: TfResource): string {
  return knownString(r, ['id']) ?? placeholder(r);
}

function vpcRow(r: TfResource, ctx: MapContext): MappedRow {
  const id = vpcIdOf(r);
  const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:vpc/${id}`;
  const b = new RowBuilder(r).set('cidr_block', ['cidr_block']).set('instance_tenancy', ['instance_tenancy']);
  Object.assign(b.row, { arn, vpc_id: id, is_default: r.type === 'aws_default_vpc', state: 'available', owner_id: ctx.accountId, raw: r.values });
  return { table: awsEc2Vpcs.name, resourceId: arn, row: b.row, unknown: b.unknown, addresses: [r.address], moduleSource: r.moduleSource };
}

function flowLogRow(r: TfResource, ctx: MapContext): MappedRow {
  const id = knownString(r, ['id']) ?? placeholder(r);
  const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:vpc-flow-log/${id}`;
  const b = new RowBuilder(r).set('traffic_type', ['traffic_type']).set('log_destination_type', ['log_destination_type']).set('log_destination', ['log_destination']);
  let target: { id: string | null; kind: string } = { id: null, kind: 'VPC' };
  for (const t of targets) {
    const literal = knownString(r, [t.key]);
    const ref = literal ? null : ctx.resolver.resolve(r, [t.key], t.types);
    if (literal || ref) {
      target = { id: literal ?? (ref ? (knownString(ref, ['id']) ?? placeholder(ref)) : null), kind: t.kind };
      break;
    }
  }
  if (target.id === null) b.unknownColumn('resource_id');
  Object.assign(b.row, { arn, flow_log_id: id, resource_id: target.id, resource_type: target.kind, status: 'ACTIVE', raw: r.values });
  return { table: awsEc2FlowLogs.name, resourceId: arn, row: b.row, unknown: b.unknown, addresses: [r.address], moduleSource: r.moduleSource };
}
