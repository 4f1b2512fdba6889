import type { NormalizedPolicy, NormalizedStatement } from './normalize.js';
import { coversAllActions, coversAllResources } from './wildcards.js';

/**
 * "Full administrative privileges" (CIS 1.16): a statement that allows every action on every resource,
 * however it is spelled.
 *
 * - Every action: an Action value "*" (or "**"), or "*:*"; or NotAction with an empty list (it excludes
 *   nothing). "iam:*", "*:Get*" or a non-empty NotAction (PowerUserAccess-style) are not every action.
 * - Every resource: a Resource value "*" or an ARN pattern of stars matching every ARN of the partition
 *   ("arn:aws:*:*:*:*", "arn:*"); or NotResource with an empty list.
 * - A Condition does not clear the statement: whoever meets it (a source IP, MFA, a tag) holds every
 *   permission, and the CIS audit judges Effect, Action and Resource alone. The statement's Sid is kept as
 *   evidence, and the reason says when it is conditional.
 * - A Deny elsewhere in the document does not clear it either: a Deny of some actions leaves every other one
 *   allowed on everything, which is still administrative power. (Fail closed: such a policy is reported.)
 */
export function fullAdminStatements(policy: NormalizedPolicy): NormalizedStatement[] {
  return policy.Statement.filter(isFullAdmin);
}

function isFullAdmin(s: NormalizedStatement): boolean {
  if (s.Effect !== 'Allow') return false;
  const everyAction = s.Action ? s.Action.some(coversAllActions) : s.NotAction !== undefined && s.NotAction.length === 0;
  const everyResource = s.Resource ? s.Resource.some(coversAllResources) : s.NotResource !== undefined && s.NotResource.length === 0;
  return everyAction && everyResource;
}

/** A statement's name for evidence: its Sid, or its position ("#2") when it has none. */
export function statementLabel(policy: NormalizedPolicy, s: NormalizedStatement): string {
  return s.Sid && s.Sid !== '' ? s.Sid : `#${policy.Statement.indexOf(s) + 1}`;
}
