/**
 * One shape for every IAM-language policy document (identity policies, trust policies, and resource policies of
 * S3, SQS, SNS, Lambda, KMS, Secrets Manager…), computed once at sync time and stored beside `raw`:
 *
 * - `Statement` is always a list; a statement keeps only the elements it had (Action *or* NotAction, …), each
 *   of Action, NotAction, Resource, NotResource as a list of strings.
 * - Action and NotAction values are lower-cased: IAM matches action names case-insensitively. Resource values
 *   keep their case (ARNs are case-sensitive).
 * - Principal and NotPrincipal are `{AWS: [...], Service: [...], Federated: [...], CanonicalUser: [...]}` (only
 *   the kinds present); the bare `"*"` becomes `{AWS: ["*"]}`, which IAM treats as the same thing.
 * - Condition is `{operator: {key: [values]}}` with operator and key lower-cased (IAM treats both
 *   case-insensitively) and every value a string ("false", not false). Values keep their case.
 * - Effect, Sid, Version and Id are kept as written.
 *
 * A document that is not a JSON object with a Statement, or whose statements are not objects, is an error: the
 * caller records it, and the facts derived from it stay unknown (NULL), never "nothing found".
 */

export type PrincipalMap = Partial<Record<'AWS' | 'Service' | 'Federated' | 'CanonicalUser', string[]>> & Record<string, string[]>;
export type ConditionMap = Record<string, Record<string, string[]>>;

export interface NormalizedStatement {
  Sid?: string;
  Effect: string;
  Principal?: PrincipalMap;
  NotPrincipal?: PrincipalMap;
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  Condition?: ConditionMap;
}

export interface NormalizedPolicy {
  Version?: string;
  Id?: string;
  Statement: NormalizedStatement[];
}

export function normalizePolicy(document: unknown): NormalizedPolicy {
  if (!isObject(document)) throw new Error(`a policy document must be a JSON object, got ${describe(document)}`);
  const raw = document.Statement;
  if (raw === undefined) throw new Error('the policy document has no Statement element');
  const statements = Array.isArray(raw) ? raw : [raw];
  const out: NormalizedPolicy = { Statement: statements.map((s, i) => normalizeStatement(s, i)) };
  if (typeof document.Version === 'string') out.Version = document.Version;
  if (typeof document.Id === 'string') out.Id = document.Id;
  return out;
}

function normalizeStatement(s: unknown, index: number): NormalizedStatement {
  if (!isObject(s)) throw new Error(`statement ${index} of the policy is ${describe(s)}, not an object`);
  const out: NormalizedStatement = { Effect: typeof s.Effect === 'string' ? s.Effect : String(s.Effect ?? '') };
  if (s.Sid !== undefined && s.Sid !== null) out.Sid = String(s.Sid);
  if (s.Principal !== undefined) out.Principal = principals(s.Principal);
  if (s.NotPrincipal !== undefined) out.NotPrincipal = principals(s.NotPrincipal);
  if (s.Action !== undefined) out.Action = strings(s.Action).map((a) => a.toLowerCase());
  if (s.NotAction !== undefined) out.NotAction = strings(s.NotAction).map((a) => a.toLowerCase());
  if (s.Resource !== undefined) out.Resource = strings(s.Resource);
  if (s.NotResource !== undefined) out.NotResource = strings(s.NotResource);
  if (s.Condition !== undefined && s.Condition !== null) out.Condition = conditions(s.Condition, index);
  return out;
}

function principals(p: unknown): PrincipalMap {
  if (p === '*') return { AWS: ['*'] };
  if (typeof p === 'string') return { AWS: [p] }; // not valid IAM, but read as the account/ARN it names
  if (!isObject(p)) throw new Error(`a Principal must be "*" or an object, got ${describe(p)}`);
  const out: PrincipalMap = {};
  for (const [kind, values] of Object.entries(p)) out[kind] = [...(out[kind] ?? []), ...strings(values)];
  return out;
}

function conditions(c: unknown, index: number): ConditionMap {
  if (!isObject(c)) throw new Error(`the Condition of statement ${index} is ${describe(c)}, not an object`);
  const out: ConditionMap = {};
  for (const [operator, block] of Object.entries(c)) {
    if (!isObject(block)) throw new Error(`condition operator ${operator} of statement ${index} holds ${describe(block)}, not an object`);
    const op = (out[operator.toLowerCase()] ??= {});
    for (const [key, values] of Object.entries(block)) {
      const k = key.toLowerCase();
      op[k] = [...(op[k] ?? []), ...strings(values)];
    }
  }
  return out;
}

/** A value or a list of values, as strings (condition values may be JSON booleans or numbers). */
function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x) => x !== null && x !== undefined).map((x) => (typeof x === 'string' ? x : typeof x === 'object' ? JSON.stringify(x) : String(x)));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v;
}
