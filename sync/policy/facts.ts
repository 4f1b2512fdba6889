import { fullAdminStatements, statementLabel } from './full-admin.js';
import { kmsDecryptAllKeysStatements } from './kms-decrypt.js';
import { normalizePolicy, type NormalizedPolicy } from './normalize.js';
import { publicStatements } from './public.js';
import { insecureTransportDenial, type InsecureTransportDenial } from './secure-transport.js';
import { serviceWildcardStatements } from './service-wildcard.js';

/**
 * The facts checks read, derived once at sync time from a policy document. The collectors store them in
 * columns beside the raw and normalised documents, so a check reads a boolean instead of re-parsing JSON on
 * every evaluation. A document that cannot be normalised throws (with what is wrong); the caller records it
 * and stores NULL facts, which the checks treat as unknown, never as "nothing found".
 */
export interface IdentityPolicyFacts {
  normalized: NormalizedPolicy;
  allowsFullAdmin: boolean;
  /** Sids (or "#n" positions) of the statements that allow every action on every resource. */
  fullAdminStatements: string[];
  /** True when one of those statements has a Condition: full admin for whoever meets it. */
  fullAdminConditional: boolean;
  /** Sids (or "#n") of the Allow statements granting every action of at least one service (FSBP IAM.21). */
  serviceWildcardStatements: string[];
  /** Sids (or "#n") of the Allow statements letting kms:Decrypt or kms:ReEncryptFrom act on every key (KMS.1/.2). */
  kmsDecryptAllKeysStatements: string[];
}

/** `partition` is the policy owner's ("aws" unless its ARN says otherwise): "every KMS key" is every key of it. */
export function identityPolicyFacts(document: unknown, partition = 'aws'): IdentityPolicyFacts {
  const normalized = normalizePolicy(document);
  const admin = fullAdminStatements(normalized);
  const label = (s: (typeof normalized.Statement)[number]) => statementLabel(normalized, s);
  return {
    normalized,
    allowsFullAdmin: admin.length > 0,
    fullAdminStatements: admin.map(label),
    fullAdminConditional: admin.length > 0 && admin.every((s) => s.Condition !== undefined && Object.keys(s.Condition).length > 0),
    serviceWildcardStatements: serviceWildcardStatements(normalized).map(label),
    kmsDecryptAllKeysStatements: kmsDecryptAllKeysStatements(normalized, partition).map(label),
  };
}

export interface ResourcePolicyFacts {
  normalized: NormalizedPolicy;
  isPublic: boolean;
  /** Sids (or "#n" positions) of the statements that allow anyone, with no condition narrowing who. */
  publicStatements: string[];
}

export function resourcePolicyFacts(document: unknown): ResourcePolicyFacts {
  const normalized = normalizePolicy(document);
  const open = publicStatements(normalized);
  return { normalized, isPublic: open.length > 0, publicStatements: open.map((s) => statementLabel(normalized, s)) };
}

export interface BucketPolicyFacts extends ResourcePolicyFacts {
  deniesInsecureTransport: InsecureTransportDenial;
}

export function bucketPolicyFacts(document: unknown, bucketArn: string): BucketPolicyFacts {
  const facts = resourcePolicyFacts(document);
  return { ...facts, deniesInsecureTransport: insecureTransportDenial(facts.normalized, bucketArn) };
}
