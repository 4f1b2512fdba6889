import { awsIamGroups, awsIamPolicies, awsIamPolicyEntities, awsIamRoles, awsIamUsers } from '../../../schema/iam.js';
import { inlineColumns, managedPolicyDocumentColumns } from '../../../sync/iam/principal-rows.js';
import { normalizePolicy } from '../../../sync/policy/normalize.js';
import { MORE_ROWS } from '../../../controls/verifiable.js';
import type { TfResource } from '../resources.js';
import { attachmentTypes, collectAttachments, type Principal, type PrincipalKind, type PolicyRef } from './iam-attachments.js';
import { asText, knownString, placeholder, valueOf, type MapContext, type MappedRow, type Mapper } from './common.js';

const principalTypes: Record<string, PrincipalKind> = { aws_iam_user: 'user', aws_iam_group: 'group', aws_iam_role: 'role' };
const tables = { user: awsIamUsers.name, group: awsIamGroups.name, role: awsIamRoles.name } as const;

/**
 * The one AWS managed policy whose document decides CIS 1.16 and that a plan names by ARN only. Its document is
 * public and fixed (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html).
 * Any other AWS managed policy's document is not in the plan: its full-admin fact is NOT VERIFIABLE.
 */
const knownAwsPolicies: Record<string, unknown> = {
  AdministratorAccess: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

/**
 * IAM users, groups, roles (with the provider's inline_policy / managed_policy_arns arguments), customer managed
 * policies and every attachment resource, onto the tables the IAM sync fills. Documents go through the sync's own
 * inlineColumns / managedPolicyDocumentColumns (sync/policy normalisation and full-admin analysis). An attached
 * AWS managed policy gets a row (attached, is_aws_managed) with its document when it is AdministratorAccess, else
 * unknown; aws_iam_policy_entities lists who holds AWSSupportAccess or AWSCloudShellFullAccess.
 */
export const iamMapper: Mapper = {
  tables: [awsIamUsers.name, awsIamGroups.name, awsIamRoles.name, awsIamPolicies.name, awsIamPolicyEntities.name],
  types: [...Object.keys(principalTypes), 'aws_iam_policy', ...attachmentTypes],
  map(resources, ctx) {
    const principals: Principal[] = resources.filter((r) => principalTypes[r.type]).map((r) => principalOf(r, principalTypes[r.type]!, ctx));
    const policies = new Map<string, PolicyRef & { r: TfResource | null }>();
    for (const r of resources.filter((x) => x.type === 'aws_iam_policy')) {
      const name = knownString(r, ['name']);
      const arn = knownString(r, ['arn']) ?? (name ? iamArn(ctx, 'policy', knownString(r, ['path']) ?? '/', name) : placeholder(r));
      policies.set(arn, { arn, r, attachments: 0, attachedBy: [] });
    }
    const entities = collectAttachments(resources, principals, policies, ctx);
    const out: MappedRow[] = principals.map(principalRow);
    for (const p of policies.values()) out.push(policyRow(p));
    for (const e of entities) out.push({ table: awsIamPolicyEntities.name, resourceId: e.entity_id, row: { ...e }, unknown: new Set(), addresses: e.addresses, moduleSource: '.' });
    return out;
  },
};

export function iamArn(ctx: MapContext, kind: string, path: string, name: string): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:${kind}${path.endsWith('/') ? path : `${path}/`}${name}`;
}

function principalOf(r: TfResource, kind: PrincipalKind, ctx: MapContext): Principal {
  const name = knownString(r, ['name']);
  const arn = knownString(r, ['arn']) ?? (name ? iamArn(ctx, kind, knownString(r, ['path']) ?? '/', name) : placeholder(r));
  const p: Principal = { kind, name: name ?? placeholder(r), arn, id: knownString(r, ['unique_id']) ?? placeholder(r), r, addresses: [r.address], attached: [], inline: [], more: false, members: [], moduleSource: r.moduleSource };
  if (kind !== 'role') return p;
  // The role's own arguments. Unset, they are computed: on create that is exactly what the plan's separate
  // resources add (a new role has nothing else); on an existing role others may be attached outside the plan.
  const managed = valueOf(r, ['managed_policy_arns']);
  const inline = valueOf(r, ['inline_policy']);
  if ((managed.unknown || inline.unknown) && r.action !== 'create') p.more = true;
  if (!managed.unknown && Array.isArray(managed.value)) for (const a of managed.value) if (typeof a === 'string') p.attached.push({ arn: a, address: r.address });
  if (!inline.unknown && Array.isArray(inline.value)) {
    inline.value.forEach((b, i) => {
      const n = asText((b as Record<string, unknown> | null)?.name);
      // The provider lists one empty block when the role has no inline policy.
      if (n === null) return;
      const doc = valueOf(r, ['inline_policy', i, 'policy']);
      p.inline.push({ name: n, text: doc.unknown ? null : asText(doc.value) });
    });
  }
  return p;
}

function principalRow(p: Principal): MappedRow {
  const unknown = new Set<string>();
  const known = p.inline.filter((i) => i.text !== null);
  let columns: Record<string, unknown>;
  try {
    columns = inlineColumns(known.map((i) => ({ PolicyName: i.name, PolicyDocument: i.text! })), `${p.kind} ${p.name}`, p.arn);
  } catch (cause) {
    throw new Error(`[terraform] ${p.addresses.join(', ')}: an inline policy of ${p.kind} ${p.name} is not a valid IAM policy: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  if (known.length < p.inline.length) {
    // A document known only after apply: a known admin policy still fails, no admin among the rest is unknown.
    const admin = columns.full_admin_inline_policies as string[];
    if (admin.length > 0) unknown.add(MORE_ROWS + 'full_admin_inline_policies');
    else {
      columns.full_admin_inline_policies = null;
      unknown.add('full_admin_inline_policies');
    }
    // The same for the KMS decrypt fact (FSBP KMS.2).
    const kms = columns.kms_decrypt_inline_policies as string[];
    if (kms.length > 0) unknown.add(MORE_ROWS + 'kms_decrypt_inline_policies');
    else {
      columns.kms_decrypt_inline_policies = null;
      unknown.add('kms_decrypt_inline_policies');
    }
    columns.inline_policies_normalized = null;
  }
  if (p.more) for (const c of ['attached_policy_arns', 'inline_policy_names', 'full_admin_inline_policies', 'kms_decrypt_inline_policies']) unknown.add(MORE_ROWS + c);
  const nameColumn = `${p.kind}_name`;
  const idColumn = `${p.kind}_id`;
  const row = {
    arn: p.arn,
    [nameColumn]: p.name,
    [idColumn]: p.id,
    path: p.r ? (knownString(p.r, ['path']) ?? '/') : null,
    ...columns,
    attached_policy_arns: [...new Set(p.attached.map((a) => a.arn))],
    inline_policy_names: p.inline.map((i) => i.name),
    permissions_boundary_arn: p.r && p.kind !== 'group' ? knownString(p.r, ['permissions_boundary']) : null,
    ...(p.kind === 'user' ? { group_names: p.members } : p.kind === 'group' ? { user_names: p.members } : {}),
    raw: p.r?.values ?? null,
  } as Record<string, unknown>;
  if (p.kind === 'role' && p.r) {
    const trust = valueOf(p.r, ['assume_role_policy']);
    const text = trust.unknown ? null : asText(trust.value);
    if (trust.unknown) unknown.add('assume_role_policy').add('assume_role_policy_normalized');
    row.assume_role_policy = parseDocument(text, p.r.address);
    try {
      row.assume_role_policy_normalized = text === null ? null : normalizePolicy(row.assume_role_policy);
    } catch (cause) {
      throw new Error(`[terraform] ${p.r.address}: its assume_role_policy is not a valid IAM policy: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  }
  return { table: tables[p.kind], resourceId: p.arn, row, unknown, addresses: p.addresses, moduleSource: p.moduleSource };
}

function policyRow(p: PolicyRef & { r: TfResource | null }): MappedRow {
  const unknown = new Set<string>();
  const awsName = /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(p.arn)?.[1] ?? null;
  let document: unknown = null;
  if (p.r) {
    const doc = valueOf(p.r, ['policy']);
    if (doc.unknown) unknown.add('allows_full_admin').add('full_admin_statements').add('service_wildcard_statements').add('kms_decrypt_all_keys_statements').add('document');
    else document = parseDocument(asText(doc.value), p.r.address);
  } else if (awsName && knownAwsPolicies[awsName]) document = knownAwsPolicies[awsName];
  // A policy the plan only names (another AWS managed policy, or one outside the plan): its document is unknown.
  else unknown.add('allows_full_admin').add('full_admin_statements').add('service_wildcard_statements').add('kms_decrypt_all_keys_statements').add('document');
  // Attachments: exact for a new policy; an existing one may be attached outside the plan.
  const declared = p.r ? (typeof p.r.values.attachment_count === 'number' ? p.r.values.attachment_count : null) : null;
  const count = Math.max(p.attachments, declared ?? 0);
  if (count === 0 && declared === null && p.r && p.r.action !== 'create') unknown.add('attachment_count');
  const name = p.r ? (knownString(p.r, ['name']) ?? placeholder(p.r)) : (p.arn.split('/').pop() ?? p.arn);
  const row = {
    arn: p.arn,
    policy_name: name,
    policy_id: p.r ? (knownString(p.r, ['policy_id']) ?? placeholder(p.r)) : null,
    path: p.r ? (knownString(p.r, ['path']) ?? '/') : null,
    is_aws_managed: awsName !== null,
    attachment_count: unknown.has('attachment_count') ? null : count,
    is_attachable: true,
    ...(unknown.has('document') ? { document: null, document_normalized: null, allows_full_admin: null, full_admin_statements: null, full_admin_conditional: null } : managedPolicyDocumentColumns(document, `policy ${p.arn}`, p.arn)),
    raw: p.r?.values ?? { arn: p.arn },
  };
  return { table: awsIamPolicies.name, resourceId: p.arn, row, unknown, addresses: p.r ? [p.r.address, ...p.attachedBy] : p.attachedBy, moduleSource: p.r?.moduleSource ?? '.' };
}

export function parseDocument(text: string | null, address: string): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new Error(`[terraform] ${address}: its policy document is not JSON: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
