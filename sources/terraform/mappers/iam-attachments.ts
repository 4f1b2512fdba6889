import type { TfResource } from '../resources.js';
import { knownString, knownStrings, placeholder, valueOf, asText, type MapContext } from './common.js';

export type PrincipalKind = 'user' | 'group' | 'role';

/** A user, group or role being assembled from its own resource and every resource that attaches to it. */
export interface Principal {
  kind: PrincipalKind;
  name: string;
  arn: string;
  id: string;
  /** Its own resource; null for a principal outside the plan that a plan resource attaches a policy to. */
  r: TfResource | null;
  addresses: string[];
  attached: Array<{ arn: string; address: string }>;
  /** Inline policies; text null when the document is known only after apply. */
  inline: Array<{ name: string; text: string | null }>;
  /** It may hold policies the plan does not show (an existing principal whose lists are not in the plan). */
  more: boolean;
  /** Group names of a user, user names of a group (membership resources). */
  members: string[];
  moduleSource: string;
}

export interface PolicyRef {
  arn: string;
  attachments: number;
  attachedBy: string[];
}

export interface EntityRow {
  policy_arn: string;
  policy_name: string;
  entity_type: PrincipalKind;
  entity_name: string;
  entity_id: string;
  addresses: string[];
}

/** The AWS managed policies aws_iam_policy_entities lists, as the IAM sync reads them (ListEntitiesForPolicy). */
const entityPolicies = new Set(['AWSSupportAccess', 'AWSCloudShellFullAccess']);
const principalType = { user: 'aws_iam_user', group: 'aws_iam_group', role: 'aws_iam_role' } as const;
const single: Record<string, PrincipalKind> = { aws_iam_user_policy_attachment: 'user', aws_iam_group_policy_attachment: 'group', aws_iam_role_policy_attachment: 'role' };
const inlineTypes: Record<string, PrincipalKind> = { aws_iam_user_policy: 'user', aws_iam_group_policy: 'group', aws_iam_role_policy: 'role' };

export const attachmentTypes = [...Object.keys(single), 'aws_iam_policy_attachment', ...Object.keys(inlineTypes), 'aws_iam_user_group_membership', 'aws_iam_group_membership'];

/**
 * Adds every attachment and inline policy resource to its principal (found by known name or, on create, by the
 * configuration reference; a principal outside the plan gets a row of its own, which may hold more than the plan
 * shows) and counts each policy's attachments. A policy ARN known only after apply is the referenced
 * aws_iam_policy's; a policy the plan only names by ARN gets a row whose document is unknown.
 */
export function collectAttachments(resources: readonly TfResource[], principals: Principal[], policies: Map<string, PolicyRef & { r: TfResource | null }>, ctx: MapContext): EntityRow[] {
  const find = (r: TfResource, kind: PrincipalKind, path: Array<string | number>, literal: string | null): Principal => {
    const ref = literal ? null : ctx.resolver.resolve(r, path.filter((p): p is string => typeof p === 'string'), [principalType[kind]]);
    const hit = principals.find((p) => p.kind === kind && ((literal !== null && p.name === literal) || (ref !== null && p.r === ref)));
    if (hit) return hit;
    const name = literal ?? `${placeholder(r)}/${path.join('.')}`;
    const outside: Principal = { kind, name, arn: `arn:${ctx.partition}:iam::${ctx.accountId}:${kind}/${name}`, id: name, r: null, addresses: [], attached: [], inline: [], more: true, members: [], moduleSource: r.moduleSource };
    principals.push(outside);
    return outside;
  };
  const policyArn = (r: TfResource): string => {
    const literal = knownString(r, ['policy_arn']);
    if (literal) return literal;
    const ref = ctx.resolver.resolve(r, ['policy_arn'], ['aws_iam_policy']);
    const hit = ref ? [...policies.values()].find((p) => p.r === ref) : undefined;
    return hit?.arn ?? `${placeholder(r)}/policy_arn`;
  };
  const attach = (p: Principal, arn: string, address: string) => {
    p.attached.push({ arn, address });
    if (!p.addresses.includes(address)) p.addresses.push(address);
  };

  for (const r of resources) {
    const kind = single[r.type];
    if (kind) attach(find(r, kind, [kind], knownString(r, [kind])), policyArn(r), r.address);
    else if (r.type === 'aws_iam_policy_attachment') {
      // The exclusive attachment: every user, group and role it lists (by name).
      const arn = policyArn(r);
      for (const k of ['user', 'group', 'role'] as const) {
        const key = `${k}s`;
        const names = knownStrings(r, [key]);
        if (names === null) {
          // Names known only after apply: the referenced principals of the plan.
          for (const ref of ctx.resolver.resolveAll(r, [key], [principalType[k]])) {
            const hit = principals.find((p) => p.r === ref);
            if (hit) attach(hit, arn, r.address);
          }
        } else for (const n of names) attach(find(r, k, [key], n), arn, r.address);
      }
    } else if (r.type === 'aws_iam_user_group_membership' || r.type === 'aws_iam_group_membership') {
      // Membership both ways: a user's groups and a group's users, by known name or reference.
      const byUser = r.type === 'aws_iam_user_group_membership';
      const owner = find(r, byUser ? 'user' : 'group', [byUser ? 'user' : 'group'], knownString(r, [byUser ? 'user' : 'group']));
      const key = byUser ? 'groups' : 'users';
      const names = knownStrings(r, [key]) ?? ctx.resolver.resolveAll(r, [key], [byUser ? 'aws_iam_group' : 'aws_iam_user']).map((x) => knownString(x, ['name']) ?? placeholder(x));
      for (const n of names) {
        if (!owner.members.includes(n)) owner.members.push(n);
        const other = principals.find((p) => p.kind === (byUser ? 'group' : 'user') && p.name === n);
        if (other && !other.members.includes(owner.name)) other.members.push(owner.name);
      }
      if (!owner.addresses.includes(r.address)) owner.addresses.push(r.address);
    } else if (inlineTypes[r.type]) {
      const k = inlineTypes[r.type]!;
      const p = find(r, k, [k], knownString(r, [k]));
      const doc = valueOf(r, ['policy']);
      p.inline.push({ name: knownString(r, ['name']) ?? placeholder(r), text: doc.unknown ? null : asText(doc.value) });
      if (!p.addresses.includes(r.address)) p.addresses.push(r.address);
    }
  }

  const entities: EntityRow[] = [];
  for (const p of principals) {
    for (const a of p.attached) {
      const ref = policies.get(a.arn) ?? { arn: a.arn, r: null, attachments: 0, attachedBy: [] };
      ref.attachments += 1;
      if (!ref.attachedBy.includes(a.address)) ref.attachedBy.push(a.address);
      policies.set(a.arn, ref);
      const awsName = /^arn:[^:]+:iam::aws:policy\/([^/]+)$/.exec(a.arn)?.[1];
      if (awsName && entityPolicies.has(awsName)) {
        entities.push({ policy_arn: a.arn, policy_name: awsName, entity_type: p.kind, entity_name: p.name, entity_id: p.id, addresses: [a.address] });
      }
    }
  }
  return entities;
}
