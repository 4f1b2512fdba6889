import type { TfResource } from '../resources.js';
import { asText, valueOf, type MappedRow } from './common.js';

const group = (name: string) => ({ Type: 'Group', URI: `http://acs.amazonaws.com/groups/${name}` });
const allUsers = group('global/AllUsers');
const authenticated = group('global/AuthenticatedUsers');
const logDelivery = group('s3/LogDelivery');

/**
 * The grants of each canned ACL on a bucket, besides the owner's FULL_CONTROL, as S3 documents them
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl). aws-exec-read adds an
 * EC2 canonical user (not a public group); bucket-owner-* apply to objects and leave a bucket private.
 */
const canned: Record<string, Array<{ Grantee: Record<string, string>; Permission: string }>> = {
  private: [],
  'public-read': [{ Grantee: allUsers, Permission: 'READ' }],
  'public-read-write': [{ Grantee: allUsers, Permission: 'READ' }, { Grantee: allUsers, Permission: 'WRITE' }],
  'authenticated-read': [{ Grantee: authenticated, Permission: 'READ' }],
  'log-delivery-write': [{ Grantee: logDelivery, Permission: 'WRITE' }, { Grantee: logDelivery, Permission: 'READ_ACP' }],
  'aws-exec-read': [],
  'bucket-owner-read': [],
  'bucket-owner-full-control': [],
};

/**
 * aws_s3_bucket_acl (split resource) and the legacy `acl` / `grant` arguments of aws_s3_bucket onto acl_grants, in
 * GetBucketAcl's shape. A canned ACL gives its grants; explicit grants are read as they are. Unset on create (the
 * provider v4+ computes them), a new bucket's ACL is S3's default: the owner alone.
 */
export function applyAcl(r: TfResource, out: MappedRow): void {
  const isBucket = r.type === 'aws_s3_bucket';
  const acl = valueOf(r, ['acl']);
  const explicit = valueOf(r, isBucket ? ['grant'] : ['access_control_policy']);
  const owner = { Grantee: { Type: 'CanonicalUser', ID: ownerId(r, out) }, Permission: 'FULL_CONTROL' };
  let grants: unknown[] | null = null;
  const cannedName = acl.unknown ? null : asText(acl.value);
  const explicitList = explicit.unknown ? null : Array.isArray(explicit.value) ? explicit.value : [];
  if (explicitList !== null && explicitList.length > 0) grants = isBucket ? legacyGrants(explicitList) : policyGrants(explicitList);
  else if (cannedName !== null) grants = canned[cannedName] ? [owner, ...canned[cannedName]!] : null;
  else if (isBucket && r.action === 'create' && (acl.unknown || acl.value === null)) grants = [owner];
  else if (!isBucket && explicitList !== null && !acl.unknown) grants = [owner];
  if (grants === null) {
    out.row.acl_grants = null;
    out.unknown.add('acl_grants');
    return;
  }
  out.row.acl_grants = grants;
  out.unknown.delete('acl_grants');
}

function ownerId(r: TfResource, out: MappedRow): string {
  const id = asText(valueOf(r, ['access_control_policy', 0, 'owner', 0, 'id']).value);
  // The owner's canonical id is not in a plan: one placeholder per bucket.
  return id ?? `tf:owner-of:${out.addresses[0] ?? r.address}`;
}

/** Provider v3 `grant` blocks: {type, uri, id, permissions: [...]}, one grant per permission. */
function legacyGrants(list: unknown[]): unknown[] {
  return list.flatMap((g) => {
    const x = (g ?? {}) as Record<string, unknown>;
    const grantee = x.type === 'Group' ? { Type: 'Group', URI: asText(x.uri) } : { Type: asText(x.type) ?? 'CanonicalUser', ID: asText(x.id) };
    return (Array.isArray(x.permissions) ? x.permissions : []).map((p) => ({ Grantee: grantee, Permission: String(p) }));
  });
}

/** aws_s3_bucket_acl `access_control_policy`: [{grant: [{grantee: [{type, uri, id}], permission}], owner}]. */
function policyGrants(list: unknown[]): unknown[] {
  const policy = (list[0] ?? {}) as Record<string, unknown>;
  return (Array.isArray(policy.grant) ? policy.grant : []).map((g) => {
    const x = (g ?? {}) as Record<string, unknown>;
    const grantee = (Array.isArray(x.grantee) ? x.grantee[0] : x.grantee) as Record<string, unknown> | undefined;
    return { Grantee: { Type: asText(grantee?.type), URI: asText(grantee?.uri) ?? undefined, ID: asText(grantee?.id) ?? undefined }, Permission: asText(x.permission) };
  });
}
