import type { NormalizedPolicy, NormalizedStatement } from './normalize.js';
import { globMatch } from './wildcards.js';

/** The actions FSBP KMS.1 and KMS.2 block (Config rules iam-customer-policy-blocked-kms-actions and
 * iam-inline-policy-blocked-kms-actions, with Security Hub's blockedActionsPatterns), lower-cased as normalised. */
export const kmsDecryptActions = ['kms:decrypt', 'kms:reencryptfrom'] as const;

/**
 * Allow statements that let kms:Decrypt or kms:ReEncryptFrom act on every KMS key. As in the Config rules, a
 * Condition does not narrow the statement (the rules do not evaluate conditions; Security Hub flags `Resource: *`
 * under a condition), and a Deny elsewhere does not clear it.
 *
 * - Actions as IAM matches them: "kms:*", "*", "kms:De*", "kms:ReEncrypt*" all allow kms:Decrypt; an Allow with
 *   NotAction allows it unless a NotAction pattern matches it.
 * - "Every key": a Resource pattern matching the ARNs of keys in any region and account of the partition ("*",
 *   "arn:aws:kms:*:*:key/*", "arn:aws:kms:*", "arn:*"). It is tested against two key ARNs whose region, account
 *   and key id share no characters that matter, so a pattern naming a region, an account or a key does not count.
 *   An Allow with NotResource reaches every key unless a NotResource pattern matches those ARNs (excluding some
 *   keys only still leaves all the others: the stricter reading).
 */
export function kmsDecryptAllKeysStatements(policy: NormalizedPolicy, partition = 'aws'): NormalizedStatement[] {
  const keys = [
    `arn:${partition}:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    `arn:${partition}:kms:eu-west-3:999988887777:key/mrk-ffffeeeeddddcccc`,
  ];
  const allKeys = (pattern: string) => keys.every((arn) => globMatch(pattern, arn));
  return policy.Statement.filter((s) => {
    if (s.Effect !== 'Allow') return false;
    const decrypts = s.Action
      ? s.Action.some((p) => kmsDecryptActions.some((a) => globMatch(p, a)))
      : s.NotAction !== undefined && kmsDecryptActions.some((a) => !s.NotAction!.some((p) => globMatch(p, a)));
    if (!decrypts) return false;
    return s.Resource ? s.Resource.some(allKeys) : s.NotResource !== undefined && !s.NotResource.some(allKeys);
  });
}

/** The partition of an ARN ("aws", "aws-cn", "aws-us-gov"); "aws" when there is none. */
export function partitionOf(arn: string | undefined): string {
  return /^arn:([^:]+):/.exec(arn ?? '')?.[1] ?? 'aws';
}
