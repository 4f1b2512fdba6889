import type { Row } from '../schema/db.js';
import { resourcePolicyFacts } from './policy/facts.js';
import type { SyncContext } from './types.js';

type Where = { operation: string; table: string; resourceId: string };

const unknown = { policy: null, policy_normalized: null, has_policy: null, policy_is_public: null, public_statements: null };

/**
 * The resource-policy columns (schema/policy-columns.ts) of one resource, from the policy text AWS returned:
 * `undefined` when the call failed (every fact unknown), `null` or '' when AWS said there is no policy (a fact:
 * nothing is granted by policy, so not public). A document that is not JSON or cannot be normalised is an item
 * error, and its facts stay NULL so the checks never read it as private.
 */
export function resourcePolicyRow(text: string | null | undefined, ctx: SyncContext, where: Where): Row {
  if (text === undefined) return unknown;
  if (text === null || text === '') return { policy: null, policy_normalized: null, has_policy: false, policy_is_public: false, public_statements: [] };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    ctx.itemError(new Error(`[sync] ${where.operation} on ${where.resourceId}: the policy is not valid JSON (${text.slice(0, 80)})`, { cause }), where);
    return { ...unknown, has_policy: true };
  }
  try {
    const facts = resourcePolicyFacts(document);
    return { policy: document, policy_normalized: facts.normalized, has_policy: true, policy_is_public: facts.isPublic, public_statements: facts.publicStatements };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    ctx.itemError(new Error(`[sync] ${where.operation} on ${where.resourceId}: the policy cannot be read as an IAM policy (${message})`, { cause }), where);
    return { ...unknown, policy: document, has_policy: true };
  }
}
