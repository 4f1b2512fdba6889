import type { NormalizedPolicy, NormalizedStatement } from './normalize.js';

/**
 * "Public" for a resource policy: an Allow statement that any principal can use. It applies to everyone when
 * its Principal has AWS "*" (the bare "*" is normalised to that) or when it uses NotPrincipal (everyone but a
 * few). It stops being public only when one of its conditions really narrows who can call it:
 *
 * - the key identifies the caller or where the call comes from (NARROWING_KEYS: principal ARN/account/org,
 *   source account/ARN/VPC/VPC endpoint/IP, source owner, user id, …);
 * - the operator is positive and requires the key to be present (StringEquals, StringLike, ArnEquals,
 *   ArnLike, IpAddress, and their ForAnyValue: forms). Negative operators (StringNotEquals, NotIpAddress…)
 *   exclude some callers and admit the rest; …IfExists and ForAllValues: forms are true when the key is
 *   absent, which it is for most callers of aws:SourceVpce, aws:SourceArn and the like;
 * - every value is specific: not a pattern of wildcards only ("*", "?*") under a …Like operator, not an ARN
 *   whose account part is a wildcard ("arn:aws:iam::*:role/x"), and not an IP range of length /0.
 *
 * An empty Condition, or one on unrelated keys (aws:SecureTransport, s3:x-amz-acl, aws:CurrentTime), narrows
 * nothing. Conditions combine with AND, so one narrowing entry is enough.
 */
export function publicStatements(policy: NormalizedPolicy): NormalizedStatement[] {
  return policy.Statement.filter((s) => s.Effect === 'Allow' && appliesToEveryone(s) && !narrowedByCondition(s));
}

export const NARROWING_KEYS: ReadonlySet<string> = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalservicename',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
  'aws:sourceowner',
  'aws:userid',
  'aws:username',
  'aws:vpceaccount',
  'aws:vpceorgid',
  'aws:vpceorgpaths',
  'kms:calleraccount',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
]);

const POSITIVE_OPERATORS: ReadonlySet<string> = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike', 'ipaddress']);
const PATTERN_OPERATORS: ReadonlySet<string> = new Set(['stringlike', 'arnlike']);
const PATH_KEYS: ReadonlySet<string> = new Set(['aws:principalorgpaths', 'aws:sourceorgpaths', 'aws:vpceorgpaths']);
const ARN_KEYS: ReadonlySet<string> = new Set(['aws:principalarn', 'aws:sourcearn', 's3:dataaccesspointarn']);

function appliesToEveryone(s: NormalizedStatement): boolean {
  if (s.NotPrincipal) return true;
  return (s.Principal?.AWS ?? []).includes('*');
}

function narrowedByCondition(s: NormalizedStatement): boolean {
  for (const [rawOperator, block] of Object.entries(s.Condition ?? {})) {
    const operator = rawOperator.startsWith('foranyvalue:') ? rawOperator.slice('foranyvalue:'.length) : rawOperator;
    if (!POSITIVE_OPERATORS.has(operator)) continue;
    for (const [key, values] of Object.entries(block)) {
      if (!NARROWING_KEYS.has(key) || values.length === 0) continue;
      if (values.every((v) => specific(v, key, PATTERN_OPERATORS.has(operator)))) return true;
    }
  }
  return false;
}

function specific(value: string, key: string, pattern: boolean): boolean {
  if (value === '') return false;
  if (key === 'aws:sourceip') return !/\/0$/.test(value.trim());
  if (!pattern || !/[*?]/.test(value)) return true;
  if (/^[*?]+$/.test(value)) return false;
  // Org paths are hierarchies: "o-abc/r-ab12/ou-ab12-1111/*" names one subtree of one organisation.
  if (PATH_KEYS.has(key)) return /^o-[^*?\/]+\//.test(value);
  if (ARN_KEYS.has(key)) {
    // arn:partition:service:region:account:resource — an account of wildcards admits every account.
    const parts = value.split(':');
    if (parts.length < 6) return false;
    const account = parts[4]!;
    if (account === '') return !/^[*?]*$/.test(parts.slice(5).join(':')); // S3-style ARNs carry no account
    return !/[*?]/.test(account);
  }
  // Account ids, org ids, VPC and endpoint ids, user ids: a wildcard in one ("vpce-*", "1111*") admits strangers.
  return false;
}
