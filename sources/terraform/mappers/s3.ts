import { awsS3AccountPublicAccessBlocks, awsS3Buckets } from '../../../schema/s3.js';
import { bucketAccessColumns, bucketPolicyColumns } from '../../../sync/s3/buckets.js';
import type { TfResource } from '../resources.js';
import { applyAcl } from './s3-acl.js';
import { asBool, asText, block, knownString, placeholder, valueOf, type MapContext, type MappedRow, type Mapper } from './common.js';

const split = {
  aws_s3_bucket_policy: applyPolicy,
  aws_s3_bucket_public_access_block: applyPublicAccessBlock,
  aws_s3_bucket_versioning: applyVersioning,
  aws_s3_bucket_logging: applyLogging,
  aws_s3_bucket_server_side_encryption_configuration: applyEncryption,
  aws_s3_bucket_acl: applyAcl,
} as const;

/**
 * aws_s3_bucket (inline settings of provider v3 and earlier) and its split resources (v4+), onto one
 * aws_s3_buckets row per bucket; the account block onto aws_s3_account_public_access_blocks. A split resource
 * finds its bucket by the known name (no-op and update plans) or, on create, by its `bucket` reference.
 */
export const s3Mapper: Mapper = {
  tables: [awsS3Buckets.name, awsS3AccountPublicAccessBlocks.name],
  types: ['aws_s3_bucket', 'aws_s3_account_public_access_block', ...Object.keys(split)],
  map(resources, ctx) {
    const buckets = new Map<string, { r: TfResource; out: MappedRow }>();
    for (const r of resources.filter((x) => x.type === 'aws_s3_bucket')) buckets.set(r.address, { r, out: bucketRow(r, ctx) });
    for (const r of resources) {
      const apply = split[r.type as keyof typeof split];
      if (!apply) continue;
      const name = knownString(r, ['bucket']);
      const target = (name ? [...buckets.values()].find((b) => b.out.row.name === name) : undefined) ?? buckets.get(ctx.resolver.resolve(r, ['bucket'], ['aws_s3_bucket'])?.address ?? '');
      // A bucket outside this plan: nothing of ours to describe (the live inventory has it).
      if (!target) continue;
      apply(r, target.out, ctx);
      target.out.addresses.push(r.address);
    }
    const out = [...buckets.values()].map((b) => b.out);
    for (const r of resources.filter((x) => x.type === 'aws_s3_account_public_access_block')) out.push(accountBlockRow(r, ctx));
    return out;
  },
};

function bucketRow(r: TfResource, ctx: MapContext): MappedRow {
  const name = knownString(r, ['bucket']);
  const arn = knownString(r, ['arn']) ?? (name ? `arn:${ctx.partition}:s3:::${name}` : placeholder(r));
  const out: MappedRow = {
    table: awsS3Buckets.name,
    resourceId: arn,
    row: { name: name ?? placeholder(r), arn, public_access_block_configured: false, raw: r.values },
    unknown: new Set(),
    addresses: [r.address],
    moduleSource: r.moduleSource,
  };
  // Provider v3 inline arguments; under v4+ they are computed (unknown on create) until a split resource sets them.
  applyPolicy(r, out, ctx);
  const versioning = valueOf(r, ['versioning']);
  if (versioning.unknown) markUnknown(out, ['versioning_status', 'mfa_delete']);
  else setVersioning(out, block(versioning.value)?.enabled === true ? 'Enabled' : null, asBool(block(versioning.value)?.mfa_delete) ?? false);
  const logging = valueOf(r, ['logging']);
  if (logging.unknown) markUnknown(out, ['logging_target_bucket', 'logging_target_prefix']);
  else setLogging(out, block(logging.value));
  const sse = valueOf(r, ['server_side_encryption_configuration']);
  if (sse.unknown) markUnknown(out, ['encryption_algorithm', 'kms_key_id', 'bucket_key_enabled']);
  else setEncryption(out, block(block(sse.value)?.rule));
  applyAcl(r, out);
  return out;
}

function applyPolicy(r: TfResource, out: MappedRow, ctx: MapContext): void {
  const policy = valueOf(r, ['policy']);
  const columns = ['policy', 'policy_normalized', 'policy_is_public', 'public_statements', 'denies_insecure_transport', 'insecure_transport_denied_for', 'policy_public_read_actions', 'policy_public_write_actions', 'policy_cross_account_blocked_actions'];
  if (policy.unknown) return markUnknown(out, columns);
  const text = asText(policy.value);
  if (text === null && r.type === 'aws_s3_bucket') return void Object.assign(out.row, { policy: null, ...bucketPolicyColumns(null, String(out.row.arn)), ...bucketAccessColumns(null, ctx.accountId) });
  let document: unknown;
  try {
    document = JSON.parse(text ?? 'null');
  } catch (cause) {
    throw new Error(`[terraform] ${r.address}: its policy is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  const name = out.row.name as string;
  // Whether the denial covers the bucket depends on its ARN: with the name unknown, those facts are unknown.
  const facts = bucketPolicyColumns(document, `arn:${ctx.partition}:s3:::${name}`);
  Object.assign(out.row, { policy: document, ...facts, ...bucketAccessColumns(document, ctx.accountId) });
  for (const c of columns) out.unknown.delete(c);
  if (name.startsWith('tf:')) markUnknown(out, ['denies_insecure_transport', 'insecure_transport_denied_for']);
}

function applyPublicAccessBlock(r: TfResource, out: MappedRow): void {
  out.row.public_access_block_configured = true;
  out.unknown.delete('public_access_block_configured');
  for (const flag of ['block_public_acls', 'ignore_public_acls', 'block_public_policy', 'restrict_public_buckets']) {
    const v = valueOf(r, [flag]);
    if (v.unknown) markUnknown(out, [flag]);
    else {
      // The provider's default for every flag is false.
      out.row[flag] = asBool(v.value) ?? false;
      out.unknown.delete(flag);
    }
  }
}

function applyVersioning(r: TfResource, out: MappedRow): void {
  const conf = valueOf(r, ['versioning_configuration']);
  if (conf.unknown) return markUnknown(out, ['versioning_status', 'mfa_delete']);
  const c = block(conf.value);
  const status = asText(c?.status);
  if (status === null && c !== null && valueOf(r, ['versioning_configuration', 0, 'status']).unknown) return markUnknown(out, ['versioning_status']);
  setVersioning(out, status === 'Disabled' ? null : status, asText(c?.mfa_delete) === 'Enabled');
}

function applyLogging(r: TfResource, out: MappedRow): void {
  const target = valueOf(r, ['target_bucket']);
  if (target.unknown) return markUnknown(out, ['logging_target_bucket', 'logging_target_prefix']);
  setLogging(out, { target_bucket: target.value, target_prefix: valueOf(r, ['target_prefix']).value });
}

function applyEncryption(r: TfResource, out: MappedRow): void {
  const rule = valueOf(r, ['rule']);
  if (rule.unknown || valueOf(r, ['rule', 0, 'apply_server_side_encryption_by_default']).unknown) return markUnknown(out, ['encryption_algorithm', 'kms_key_id', 'bucket_key_enabled']);
  setEncryption(out, block(rule.value));
}

function setVersioning(out: MappedRow, status: string | null, mfaDelete: boolean): void {
  Object.assign(out.row, { versioning_status: status, mfa_delete: mfaDelete });
  out.unknown.delete('versioning_status');
  out.unknown.delete('mfa_delete');
}

function setLogging(out: MappedRow, logging: Record<string, unknown> | null): void {
  const target = asText(logging?.target_bucket);
  Object.assign(out.row, { logging_target_bucket: target, logging_target_prefix: target ? (asText(logging?.target_prefix) ?? '') : null });
  out.unknown.delete('logging_target_bucket');
  out.unknown.delete('logging_target_prefix');
}

function setEncryption(out: MappedRow, rule: Record<string, unknown> | null): void {
  const sse = block(rule?.apply_server_side_encryption_by_default);
  Object.assign(out.row, { encryption_algorithm: asText(sse?.sse_algorithm), kms_key_id: asText(sse?.kms_master_key_id), bucket_key_enabled: rule ? (asBool(rule.bucket_key_enabled) ?? false) : null });
  for (const c of ['encryption_algorithm', 'kms_key_id', 'bucket_key_enabled']) out.unknown.delete(c);
}

function markUnknown(out: MappedRow, columns: readonly string[]): void {
  for (const c of columns) {
    out.row[c] = null;
    out.unknown.add(c);
  }
}

function accountBlockRow(r: TfResource, ctx: MapContext): MappedRow {
  const out: MappedRow = {
    table: awsS3AccountPublicAccessBlocks.name,
    resourceId: `arn:${ctx.partition}:iam::${ctx.accountId}:root`,
    row: { configured: true, raw: r.values },
    unknown: new Set(),
    addresses: [r.address],
    moduleSource: r.moduleSource,
  };
  applyPublicAccessBlock(r, out);
  delete out.row.public_access_block_configured;
  return out;
}
