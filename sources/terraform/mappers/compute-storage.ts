import { awsEc2EbsEncryptionDefaults, awsEc2Instances } from '../../../schema/ec2.js';
import { awsEfsFileSystems } from '../../../schema/efs.js';
import { awsRdsDbInstances } from '../../../schema/rds.js';
import type { TfResource } from '../resources.js';
import { asBool, asText, knownString, placeholder, RowBuilder, valueOf, type MapContext, type MappedRow, type Mapper } from './common.js';

/**
 * EBS encryption by default (one per region), instances (metadata options, instance profile), RDS instances and
 * EFS file systems. Defaults are the provider's where an argument is optional and not computed; an argument
 * the provider computes when unset (metadata_options, EFS `encrypted`) is unknown until apply, not a default.
 */
export const computeStorageMapper: Mapper = {
  tables: [awsEc2EbsEncryptionDefaults.name, awsEc2Instances.name, awsRdsDbInstances.name, awsEfsFileSystems.name],
  types: ['aws_ebs_encryption_by_default', 'aws_instance', 'aws_db_instance', 'aws_efs_file_system'],
  map(resources, ctx) {
    return resources.map((r) => {
      switch (r.type) {
        case 'aws_ebs_encryption_by_default':
          return ebsDefault(r, ctx);
        case 'aws_instance':
          return instance(r, ctx);
        case 'aws_db_instance':
          return dbInstance(r, ctx);
        default:
          return fileSystem(r, ctx);
      }
    });
  },
};

function mapped(table: string, resourceId: string, b: RowBuilder, r: TfResource): MappedRow {
  return { table, resourceId, row: { ...b.row, raw: r.values }, unknown: b.unknown, addresses: [r.address], moduleSource: r.moduleSource };
}

function ebsDefault(r: TfResource, ctx: MapContext): MappedRow {
  const b = new RowBuilder(r).set('enabled', ['enabled'], (v) => asBool(v) ?? true);
  return mapped(awsEc2EbsEncryptionDefaults.name, `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}`, b, r);
}

function instance(r: TfResource, ctx: MapContext): MappedRow {
  const id = knownString(r, ['id']) ?? placeholder(r);
  const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:instance/${id}`;
  const b = new RowBuilder(r).set('instance_type', ['instance_type']).set('image_id', ['ami']).set('subnet_id', ['subnet_id']);
  const meta = valueOf(r, ['metadata_options']);
  if (meta.unknown || valueOf(r, ['metadata_options', 0, 'http_tokens']).unknown) b.unknownColumn('metadata_http_tokens');
  else {
    const m = Array.isArray(meta.value) ? (meta.value[0] as Record<string, unknown> | undefined) : undefined;
    b.row.metadata_http_tokens = asText(m?.http_tokens);
    b.row.metadata_http_endpoint = asText(m?.http_endpoint);
  }
  const profile = valueOf(r, ['iam_instance_profile']);
  if (profile.unknown) b.unknownColumn('iam_instance_profile_arn');
  else {
    const name = asText(profile.value);
    b.row.iam_instance_profile_arn = name === null ? null : name.startsWith('arn:') ? name : `arn:${ctx.partition}:iam::${ctx.accountId}:instance-profile/${name}`;
  }
  // Terraform starts what it creates; instance_state says otherwise only for an existing instance.
  const state = knownString(r, ['instance_state']) ?? 'running';
  Object.assign(b.row, { arn, instance_id: id, state, tags: valueOf(r, ['tags']).value });
  return mapped(awsEc2Instances.name, arn, b, r);
}

function dbInstance(r: TfResource, ctx: MapContext): MappedRow {
  const identifier = knownString(r, ['identifier']) ?? placeholder(r);
  const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:db:${identifier}`;
  const b = new RowBuilder(r)
    .set('engine', ['engine'])
    .set('engine_version', ['engine_version'])
    .set('db_instance_class', ['instance_class'])
    .set('storage_encrypted', ['storage_encrypted'], (v) => asBool(v) ?? false)
    .set('kms_key_id', ['kms_key_id'])
    .set('auto_minor_version_upgrade', ['auto_minor_version_upgrade'], (v) => asBool(v) ?? true)
    .set('publicly_accessible', ['publicly_accessible'], (v) => asBool(v) ?? false)
    .set('multi_az', ['multi_az'], (v) => asBool(v) ?? false)
    .set('db_cluster_identifier', ['cluster_identifier']);
  Object.assign(b.row, { arn, db_instance_identifier: identifier, status: 'available' });
  return mapped(awsRdsDbInstances.name, arn, b, r);
}

function fileSystem(r: TfResource, ctx: MapContext): MappedRow {
  const id = knownString(r, ['id']) ?? placeholder(r);
  const arn = knownString(r, ['arn']) ?? `arn:${ctx.partition}:elasticfilesystem:${ctx.region}:${ctx.accountId}:file-system/${id}`;
  const b = new RowBuilder(r).set('encrypted', ['encrypted'], asBool).set('kms_key_id', ['kms_key_id']);
  Object.assign(b.row, { arn, file_system_id: id, life_cycle_state: 'available', owner_id: ctx.accountId });
  return mapped(awsEfsFileSystems.name, arn, b, r);
}
