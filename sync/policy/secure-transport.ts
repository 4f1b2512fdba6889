import type { NormalizedPolicy, NormalizedStatement } from './normalize.js';
import { coversEveryExtension, globMatch } from './wildcards.js';

/** What a bucket policy's plain-HTTP denial covers: the bucket itself, and every object in it. */
export interface InsecureTransportDenial {
  bucket: boolean;
  objects: boolean;
}

/**
 * CIS 2.1.1 ("deny HTTP requests"): the policy denies every principal every S3 action whenever
 * aws:SecureTransport is false, on the bucket ARN and on every object (ARN/*). Two statements may share the
 * work (one for the bucket, one for the objects). A qualifying statement:
 *
 * - has Effect Deny and Principal AWS "*" (no NotPrincipal, which would exempt someone);
 * - has an Action pattern matching every "s3:<action>" ("s3:*", "*", "*:*"); a list of some actions
 *   (GetObject, PutObject) leaves the others open over HTTP. NotAction statements do not count;
 * - has exactly one condition, Bool or BoolIfExists on aws:SecureTransport, whose values include "false"
 *   (operator and key are lower-cased by the normaliser, so any spelling of them works). A further condition
 *   would narrow the deny to some requests only;
 * - has Resource patterns matching the bucket ARN and/or every object key under it. NotResource statements do
 *   not count (fail closed: such a policy is reported rather than guessed at).
 */
export function insecureTransportDenial(policy: NormalizedPolicy, bucketArn: string): InsecureTransportDenial {
  const denials = policy.Statement.filter(deniesPlainHttpForAll);
  const resources = denials.flatMap((s) => s.Resource ?? []);
  return {
    bucket: resources.some((r) => globMatch(r, bucketArn)),
    objects: resources.some((r) => coversEveryExtension(r, `${bucketArn}/`)),
  };
}

function deniesPlainHttpForAll(s: NormalizedStatement): boolean {
  if (s.Effect !== 'Deny' || s.NotPrincipal || !(s.Principal?.AWS ?? []).includes('*')) return false;
  if (!(s.Action ?? []).some((a) => coversEveryExtension(a, 's3:'))) return false;
  const entries = Object.entries(s.Condition ?? {});
  if (entries.length !== 1) return false;
  const [operator, block] = entries[0]!;
  if (operator !== 'bool' && operator !== 'boolifexists') return false;
  const keys = Object.keys(block);
  return keys.length === 1 && keys[0] === 'aws:securetransport' && (block['aws:securetransport'] ?? []).some((v) => v.toLowerCase() === 'false');
}
