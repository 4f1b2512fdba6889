import { z } from '@hono/zod-openapi';
import { exceptionFields } from '../../controls/exceptions/model.js';
import { int, nstr } from './common.js';

/** Bodies and answers of /api/exceptions (controls/exceptions/: the store validates the same fields). */

const by = z.string().trim().min(1).max(200).optional().openapi({ description: "Who makes the change, recorded in the exception's history (default: api)" });

export const ExceptionRequest = z.strictObject({ ...exceptionFields, by }).openapi('ExceptionRequest', {
  description:
    'Scope: check, or benchmark and requirement; optionally account, region, resource (a glob: * any run, ? one character) and tag (key or key=value, matched on the inventory tags of the resource). justification, owner and expires (YYYY-MM-DD = end of that day UTC, or an ISO time; at most the maximum days from now) are required; ticket optional.',
});
export const ExceptionPatch = z.strictObject({ ...z.object(exceptionFields).partial().shape, by }).openapi('ExceptionPatch');

export const Exception = z.strictObject({
  id: z.string(), revision: int, check_id: nstr, benchmark_id: nstr, requirement_id: nstr, account_id: nstr, region: nstr,
  resource_pattern: nstr.openapi({ description: 'Glob on the resource id: * any run of characters, ? one' }), tag_key: nstr, tag_value: nstr,
  justification: z.string(), owner: z.string(), created_by: z.string(), created_at: z.string(), updated_at: z.string(), expires_at: z.string(), ticket: nstr,
  revoked_at: nstr, revoked_by: nstr,
  state: z.enum(['active', 'expired', 'revoked']),
  expires_soon: z.boolean().openapi({ description: 'Active and expiring within 14 days' }),
}).openapi('Exception');

export const ExceptionList = z.strictObject({ exceptions: z.array(Exception), max_days: int }).openapi('ExceptionList');

export const ExceptionEvent = z.strictObject({
  exception_id: z.string(), revision: int, changed_at: z.string(), actor: z.string(), action: z.enum(['created', 'changed', 'revoked']),
  changes: z.record(z.string(), z.array(z.unknown())).openapi({ description: '{field: [before, after]}' }),
}).openapi('ExceptionEvent');

export const ExceptionDetail = z.strictObject({ ...Exception.shape, history: z.array(ExceptionEvent) }).openapi('ExceptionDetail');
