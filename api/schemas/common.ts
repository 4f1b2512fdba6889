import { z } from '@hono/zod-openapi';

/**
 * Building blocks every route declaration shares: the error body, path ids, whole-number query parameters and the
 * JSON response wrapper. Route request validation and /api/openapi.json both come from these zod schemas.
 */

export const ErrorBody = z.strictObject({
  status: z.number().int(),
  code: z.string(),
  message: z.string(),
  field: z.string().optional().openapi({ description: 'The request field at fault (400)' }),
  position: z.strictObject({ line: z.number().int(), column: z.number().int() }).optional().openapi({ description: 'Where in the SQL the console error is' }),
}).openapi('Error');

const statusText: Record<number, string> = {
  400: 'Invalid input; `field` names the culprit',
  401: 'Missing or wrong bearer token (only when the server has a token)',
  403: 'Refused: a request from another site, or a host name a token-less server does not answer to',
  404: 'Unknown benchmark, scan, control, schedule or channel',
  409: 'Conflicts with the current state (a scan already running, a scan not exportable, no scheduler)',
  413: 'Request body too large',
  415: 'The body is not JSON (send Content-Type: application/json)',
  429: 'Too many requests (the SQL console is busy, or the rate limit of Run now or exports); try again shortly',
  503: 'The SQL console could not run the query (memory cap, worker gone)',
};

/** Error responses (all with the Error body) for the given status codes; 401 is added to every route. */
export function errors(...codes: number[]) {
  const all = [...new Set([...codes, 401])].sort();
  return Object.fromEntries(all.map((code) => [code, { description: statusText[code] ?? 'Error', content: { 'application/json': { schema: ErrorBody } } }])) as Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }>;
}

/** A JSON response with its schema. */
export function json<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON request body (required). */
export function jsonRequest<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } };
}

/** Ids in paths and queries are plain tokens; refusing odd characters early keeps error messages readable. */
export function id(description: string, name = 'id', where: 'path' | 'query' = 'path') {
  return z.string()
    .min(1, { error: 'must be a non-empty id' })
    .max(200, { error: 'must be a non-empty id' })
    .regex(/^[^\u0000-\u001f]*$/, { error: 'must be a non-empty id' })
    .openapi({ param: { name, in: where }, description });
}

/** An optional whole number in the query; empty means the default, as if absent. */
export function intQuery(name: string, description: string, fallback: number, min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z
    .preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).optional())
    .openapi({ param: { name, in: 'query' }, type: 'integer', minimum: min, maximum: max, default: fallback, description: `${description} (default ${fallback})` });
}

/** An optional string in the query. */
export function strQuery(name: string, description: string) {
  return z.string().optional().openapi({ param: { name, in: 'query' }, description });
}

export const nstr = z.string().nullable();
export const nint = z.number().int().nullable();
export const nnum = z.number().nullable();
export const int = z.number().int();
/** NOT VERIFIABLE: only on scans of a Terraform plan (source terraform), for a verdict the plan cannot show. */
export const statusEnum = z.enum(['PASS', 'FAIL', 'ERROR', 'SKIP', 'MANUAL', 'NOT VERIFIABLE', 'EXCEPTED']);
export const severityEnum = z.enum(['critical', 'high', 'medium', 'low']);
/** Any JSON object whose keys this document does not fix (evidence, SSE payloads). */
export const anyObject = z.record(z.string(), z.unknown());
