import { awsConfigDeliveryChannels, awsConfigRecorders } from '../../../schema/config.js';
import type { TfResource } from '../resources.js';
import { asBool, block, knownString, literalOrReference, placeholder, RowBuilder, valueOf, mappedRow, type MapContext, type MappedRow, type Mapper } from './common.js';

/**
 * AWS Config: aws_config_configuration_recorder onto aws_config_recorders, with `recording` from the
 * aws_config_configuration_recorder_status of the same recorder (by known name or reference). AWS creates a
 * recorder stopped, so a new recorder with no status resource will not record; on an existing one the status
 * is not in the plan (unknown). last_status is left NULL: a plan cannot show a failed recording, and the check
 * holds only a reported failure against a recorder. aws_config_delivery_channel onto aws_config_delivery_channels.
 */
export const configMapper: Mapper = {
  tables: [awsConfigRecorders.name, awsConfigDeliveryChannels.name],
  types: ['aws_config_configuration_recorder', 'aws_config_configuration_recorder_status', 'aws_config_delivery_channel'],
  map(resources, ctx) {
    const recorders = new Map<string, { r: TfResource; out: MappedRow }>();
    for (const r of resources.filter((x) => x.type === 'aws_config_configuration_recorder')) recorders.set(r.address, { r, out: recorderRow(r, ctx) });
    for (const s of resources.filter((x) => x.type === 'aws_config_configuration_recorder_status')) {
      const { value: name, target } = literalOrReference(s, ['name'], ['aws_config_configuration_recorder'], ctx);
      const rec = (target ? recorders.get(target.address) : undefined) ?? [...recorders.values()].find((x) => name !== null && x.out.row.name === name);
      // The status of a recorder outside the plan: nothing of ours to describe.
      if (!rec) continue;
      rec.out.addresses.push(s.address);
      const enabled = valueOf(s, ['is_enabled']);
      if (enabled.unknown) {
        rec.out.row.recording = null;
        rec.out.unknown.add('recording');
      } else {
        rec.out.row.recording = asBool(enabled.value) ?? false;
        rec.out.unknown.delete('recording');
      }
    }
    const out = [...recorders.values()].map((x) => x.out);
    for (const r of resources.filter((x) => x.type === 'aws_config_delivery_channel')) out.push(channelRow(r, ctx));
    return out;
  },
};

function recorderRow(r: TfResource, ctx: MapContext): MappedRow {
  const name = knownString(r, ['name']) ?? (valueOf(r, ['name']).unknown ? placeholder(r) : 'default');
  const arn = `arn:${ctx.partition}:config:${ctx.region}:${ctx.accountId}:config-recorder/${name}`;
  const b = new RowBuilder(r).set('role_arn', ['role_arn']);
  const group = valueOf(r, ['recording_group']);
  const columns = ['all_supported', 'include_global_resource_types', 'resource_types', 'recording_strategy'];
  if (group.unknown) for (const c of columns) b.unknownColumn(c);
  else {
    const g = block(group.value);
    // The provider's defaults when the block is absent: all_supported true, include_global_resource_types false.
    for (const [column, key, fallback] of [['all_supported', 'all_supported', true], ['include_global_resource_types', 'include_global_resource_types', false]] as const) {
      if (valueOf(r, ['recording_group', 0, key]).unknown) b.unknownColumn(column);
      else b.row[column] = asBool(g?.[key]) ?? fallback;
    }
    b.row.resource_types = Array.isArray(g?.resource_types) ? g.resource_types.map(String) : [];
    b.row.recording_strategy = knownString(r, ['recording_group', 0, 'recording_strategy', 0, 'use_only']);
  }
  if (r.action === 'create') b.row.recording = false;
  else b.unknownColumn('recording');
  Object.assign(b.row, { arn, name, last_status: null, raw: r.values });
  return mappedRow(awsConfigRecorders.name, arn, b, r);
}

function channelRow(r: TfResource, ctx: MapContext): MappedRow {
  const name = knownString(r, ['name']) ?? 'default';
  const arn = `arn:${ctx.partition}:config:${ctx.region}:${ctx.accountId}:delivery-channel/${name}`;
  const b = new RowBuilder(r).set('s3_key_prefix', ['s3_key_prefix']).set('s3_kms_key_arn', ['s3_kms_key_arn']).set('sns_topic_arn', ['sns_topic_arn']);
  const bucket = literalOrReference(r, ['s3_bucket_name'], ['aws_s3_bucket'], ctx, ['bucket']);
  if (bucket.value === null && bucket.target) b.row.s3_bucket_name = placeholder(bucket.target);
  else if (bucket.value === null) b.unknownColumn('s3_bucket_name');
  else b.row.s3_bucket_name = bucket.value;
  b.row.delivery_frequency = knownString(r, ['snapshot_delivery_properties', 0, 'delivery_frequency']);
  Object.assign(b.row, { arn, name, raw: r.values });
  return mappedRow(awsConfigDeliveryChannels.name, arn, b, r);
}
