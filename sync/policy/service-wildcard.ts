import type { NormalizedPolicy, NormalizedStatement } from './normalize.js';

/**
 * "Full access to at least one AWS service" (FSBP IAM.21, Config rule iam-policy-no-statements-with-full-access):
 * an Allow statement whose actions include every action of some service, however it is spelled. Resource and
 * Condition are not part of the rule's judgement (it flags `ec2:*` whatever it applies to), and a Deny elsewhere
 * does not clear an Allow (the rule judges each statement).
 *
 * - Action: a pattern covers a whole service when a trailing run of `*` absorbs every action name after the
 *   service: "ec2:*", "*:*", "*", "ec2*" (which matches every "ec2:…" action), "ec2:?*". A prefixed wildcard such
 *   as "ec2:Describe*" does not (the Config rule accepts it).
 * - NotAction: the statement allows every action its list leaves out, so every service the list does not touch
 *   is allowed whole. AWS's set of services is open-ended, so the list leaves some service whole unless one of its
 *   patterns reaches into every service: a service part of only `*` ("*", "*:Get*"). NotAction ["iam:*"] grants
 *   every other service whole and counts.
 */
export function serviceWildcardStatements(policy: NormalizedPolicy): NormalizedStatement[] {
  return policy.Statement.filter((s) => {
    if (s.Effect !== 'Allow') return false;
    if (s.Action) return s.Action.some(coversWholeService);
    return s.NotAction !== undefined && !s.NotAction.some(reachesEveryService);
  });
}

/** Whether an Action pattern (lower-cased) matches every action of at least one service. */
export function coversWholeService(pattern: string): boolean {
  let end = pattern.length;
  while (end > 0 && pattern[end - 1] === '*') end--;
  if (end === pattern.length) return false;
  const head = pattern.slice(0, end);
  const colon = head.indexOf(':');
  // No colon before the trailing run: it absorbs ":<action>" too ("*", "ec2*").
  if (colon === -1) return true;
  // "<service>:" followed only by `?` (each one character; every action name has several): the run takes the rest.
  return /^\?*$/.test(head.slice(colon + 1));
}

/** Whether a NotAction pattern excludes some action of every service: its service part is only `*`. */
function reachesEveryService(pattern: string): boolean {
  const service = pattern.includes(':') ? pattern.slice(0, pattern.indexOf(':')) : pattern;
  return /^\*+$/.test(service);
}
