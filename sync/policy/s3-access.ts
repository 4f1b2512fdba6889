import type { NormalizedPolicy, NormalizedStatement } from './normalize.js';
import { publicStatements } from './public.js';
import { globMatch } from './wildcards.js';

/**
 * Which S3 actions a bucket policy grants to whom, for FSBP S3.2, S3.3 and S3.6 (Config rules
 * s3-bucket-public-read-prohibited, s3-bucket-public-write-prohibited, s3-bucket-blacklisted-actions-prohibited).
 * Action matching is IAM's: Action patterns with `*` and `?` wildcards, case-insensitive (normalised lower-case),
 * and NotAction grants every action its patterns do not match. Resource elements are not narrowed further: a
 * bucket policy can only name the bucket and its objects.
 */

/** Reading the bucket's data: listing it and getting objects (any version). */
export const S3_READ_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:ListBucketVersions'] as const;

/**
 * Writing it: creating, overwriting and deleting objects, and changing who may (ACL and policy writes, through
 * which a caller can grant itself anything else).
 */
export const S3_WRITE_ACTIONS = [
  's3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObjectAcl', 's3:PutObjectVersionAcl',
  's3:PutBucketAcl', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy',
] as const;

/** Security Hub's blacklistedActionPatterns for S3.6 (not customisable). */
export const S3_CROSS_ACCOUNT_BLOCKED_ACTIONS = [
  's3:DeleteBucketPolicy', 's3:PutBucketAcl', 's3:PutBucketPolicy', 's3:PutEncryptionConfiguration', 's3:PutObjectAcl',
] as const;

/** Whether an Allow statement's Action (or NotAction) covers `action`. */
export function statementCoversAction(s: NormalizedStatement, action: string): boolean {
  const a = action.toLowerCase();
  if (s.Action) return s.Action.some((p) => globMatch(p, a));
  if (s.NotAction) return !s.NotAction.some((p) => globMatch(p, a));
  return false;
}

/** The actions of `actions` that a public statement (as publicStatements decides it) allows. */
export function publiclyAllowedActions(policy: NormalizedPolicy, actions: readonly string[]): string[] {
  const open = publicStatements(policy);
  return actions.filter((a) => open.some((s) => statementCoversAction(s, a)));
}

/**
 * The actions of `actions` that an Allow statement grants to principals of AWS accounts other than `owner`:
 * NotPrincipal (everyone but a few), AWS "*" unless a positive condition pins aws:PrincipalAccount to the owner
 * alone, or an AWS principal of another account (an account id, or an ARN whose account part is another).
 * Service, federated and canonical-user principals are not AWS accounts and are left out.
 */
export function crossAccountAllowedActions(policy: NormalizedPolicy, owner: string, actions: readonly string[]): string[] {
  const granting = policy.Statement.filter((s) => s.Effect === 'Allow' && grantsOtherAccounts(s, owner));
  return actions.filter((a) => granting.some((s) => statementCoversAction(s, a)));
}

function grantsOtherAccounts(s: NormalizedStatement, owner: string): boolean {
  if (s.NotPrincipal) return true;
  return (s.Principal?.AWS ?? []).some((p) => (p === '*' ? !pinnedToOwner(s, owner) : accountOf(p) !== owner));
}

/** An AWS principal's account: a bare 12-digit id, or the account part of an ARN (arn:aws:iam::<account>:…). */
function accountOf(principal: string): string {
  if (/^\d{12}$/.test(principal)) return principal;
  const parts = principal.split(':');
  return parts.length >= 6 && parts[0] === 'arn' ? parts[4]! : principal;
}

function pinnedToOwner(s: NormalizedStatement, owner: string): boolean {
  for (const [operator, block] of Object.entries(s.Condition ?? {})) {
    if (operator !== 'stringequals' && operator !== 'foranyvalue:stringequals') continue;
    const values = block['aws:principalaccount'];
    if (values && values.length > 0 && values.every((v) => v === owner)) return true;
  }
  return false;
}
