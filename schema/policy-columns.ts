import type { ColumnDef } from './table.js';

/**
 * The columns every table holding a resource-based policy carries: the document as AWS returned it, its
 * normalised form and the "public" verdict derived once at sync time (sync/policy/), so checks read facts
 * instead of re-parsing JSON. NULL facts mean unknown (the document could not be read or parsed), never "private".
 */
export const resourcePolicyFactColumns: readonly ColumnDef[] = [
  { name: 'policy_normalized', type: 'JSON', description: 'The policy in normalised form: Statement, Action, Resource, Principal always lists; condition operators and keys lower-case' },
  { name: 'has_policy', type: 'BOOLEAN', description: 'False when AWS said the resource has no policy; NULL when the policy could not be read' },
  { name: 'policy_is_public', type: 'BOOLEAN', description: "True when a statement allows Principal '*' (or AWS '*') with no condition narrowing who; NULL when unknown" },
  { name: 'public_statements', type: 'VARCHAR[]', description: 'Sids (or #n positions) of the statements that allow anyone' },
];

export const resourcePolicyColumns: readonly ColumnDef[] = [
  { name: 'policy', type: 'JSON', description: 'The resource-based policy document; NULL when the resource has none' },
  ...resourcePolicyFactColumns,
];
