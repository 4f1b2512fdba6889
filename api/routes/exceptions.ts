import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ExceptionInputError, stateOf, type Exception as StoredException } from '../../controls/exceptions/model.js';
import { changeException, createException, defaultMaxExceptionDays, exceptionHistory, getException, listExceptions, revokeException } from '../../controls/exceptions/store.js';
import { ApiError, notFound } from '../errors.js';
import { errors, id, json, jsonRequest } from '../schemas/common.js';
import { ExceptionDetail, ExceptionList, ExceptionPatch, ExceptionRequest, Exception } from '../schemas/exceptions.js';
import { parseJsonBody } from '../validation.js';
import type { RouteModule } from './deps.js';

/** Exceptions expiring within this many days are flagged (dashboard, alerts). */
export const expiringWithinDays = 14;

function asRequestError(error: unknown): never {
  if (error instanceof ExceptionInputError) throw new ApiError({ status: 400, code: 'invalid_input', field: error.field, message: error.message });
  throw error;
}

/** CALABI_MAX_EXCEPTION_DAYS, read when the server starts; 365 by default. */
function maxDays(): number {
  const raw = process.env.CALABI_MAX_EXCEPTION_DAYS;
  const n = raw === undefined ? defaultMaxExceptionDays : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`[api] CALABI_MAX_EXCEPTION_DAYS must be a whole number of days, at least 1, not '${raw}'`);
  return n;
}

function view(e: StoredException, now: Date) {
  const state = stateOf(e, now);
  return { ...e, state, expires_soon: state === 'active' && new Date(e.expires_at).getTime() - now.getTime() <= expiringWithinDays * 86_400_000 };
}

const byId = z.object({ id: id('Exception id') });
const all = z.enum(['true', 'false']).optional().openapi({ param: { name: 'all', in: 'query' }, description: 'Include expired and revoked exceptions (default false)' });

const list = createRoute({ method: 'get', path: '/exceptions', operationId: 'listExceptions', summary: 'Exceptions (accepted risks): active ones, or all with ?all=true', request: { query: z.object({ all }) }, responses: { 200: json('Exceptions', ExceptionList), ...errors(400) } });
const create = createRoute({
  method: 'post', path: '/exceptions', operationId: 'createException', summary: 'Accept the findings in a scope until an expiry, for a justification, with an owner',
  middleware: [parseJsonBody()] as const, request: { body: jsonRequest(ExceptionRequest) }, responses: { 201: json('Created', Exception), ...errors(400, 403, 413, 415) },
});
const one = createRoute({ method: 'get', path: '/exceptions/{id}', operationId: 'getException', summary: 'One exception with its whole history (who, when, what)', request: { params: byId }, responses: { 200: json('The exception', ExceptionDetail), ...errors(400, 404) } });
const update = createRoute({
  method: 'patch', path: '/exceptions/{id}', operationId: 'updateException', summary: 'Change an exception (kept in its history); null clears an optional field',
  middleware: [parseJsonBody()] as const, request: { params: byId, body: jsonRequest(ExceptionPatch) }, responses: { 200: json('Changed', Exception), ...errors(400, 403, 404, 413, 415) },
});
const revoke = createRoute({
  method: 'post', path: '/exceptions/{id}/revoke', operationId: 'revokeException', summary: 'Revoke: it stops applying from the next evaluation; kept, with who and when',
  request: { params: byId, query: z.object({ by: z.string().trim().min(1).max(200).optional().openapi({ param: { name: 'by', in: 'query' }, description: 'Who revokes it (default: api)' }) }) }, responses: { 200: json('Revoked', Exception), ...errors(400, 403, 404, 413, 415) },
});

export const exceptions: RouteModule = {
  name: 'exceptions',
  routes({ db, catalog }) {
    const max = maxDays();
    const ctx = (by: string | undefined) => ({ catalog, actor: by ?? 'api', now: new Date(), maxDays: max });
    return new OpenAPIHono()
      .openapi(list, async (c) => {
        const now = new Date();
        const rows = await listExceptions(db, now);
        return c.json({ exceptions: rows.filter((e) => c.req.valid('query').all === 'true' || e.state === 'active').map((e) => view(e, now)), max_days: max }, 200);
      })
      .openapi(create, async (c) => {
        const { by, ...body } = (await c.req.json()) as Record<string, unknown> & { by?: string };
        const e = await createException(db, body as never, ctx(by)).catch(asRequestError);
        return c.json(view(e, new Date()), 201);
      })
      .openapi(one, async (c) => {
        const e = await getException(db, c.req.valid('param').id);
        if (!e) throw notFound('exception', c.req.valid('param').id);
        return c.json({ ...view(e, new Date()), history: await exceptionHistory(db, e.id) }, 200);
      })
      .openapi(update, async (c) => {
        const { by, ...body } = (await c.req.json()) as Record<string, unknown> & { by?: string };
        const out = await changeException(db, c.req.valid('param').id, body as never, ctx(by)).catch(asRequestError);
        if (!out) throw notFound('exception', c.req.valid('param').id);
        return c.json(view(out.exception, new Date()), 200);
      })
      .openapi(revoke, async (c) => {
        const e = await revokeException(db, c.req.valid('param').id, { actor: c.req.valid('query').by ?? 'api', now: new Date() });
        if (!e) throw notFound('exception', c.req.valid('param').id);
        return c.json(view(e, new Date()), 200);
      });
  },
};
