import type { OpenAPIHonoOptions } from '@hono/zod-openapi';
import type { Env, MiddlewareHandler } from 'hono';
import { badRequest } from './errors.js';

/**
 * Turns a failed zod validation of a request (path, query, JSON body) into our 400 `invalid_input` body naming the
 * field: the first issue's first path segment; an unknown key names itself; the body as a whole is `body`.
 */
export const validationHook: NonNullable<OpenAPIHonoOptions<Env>['defaultHook']> = (result) => {
  if (result.success) return;
  const issue = result.error.issues[0];
  if (!issue) throw badRequest(result.target === 'json' ? 'body' : result.target, 'invalid');
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const head = issue.path[0];
  const field = unknownKey ?? (head === undefined ? (result.target === 'json' ? 'body' : result.target) : String(head));
  if (unknownKey !== undefined) throw badRequest(field, issue.message);
  if (result.target === 'json' && head === undefined) throw badRequest('body', `expected a JSON object (${issue.message})`);
  const raw = ((result as { data?: unknown }).data as Record<string, unknown> | undefined)?.[field];
  const shown = (result.target === 'query' || result.target === 'param') && typeof raw === 'string' ? `, not '${raw.slice(0, 100)}'` : '';
  throw badRequest(field, `${issue.message}${shown}`);
};

/**
 * Reads the JSON body once before the zod validator does, so malformed JSON is a 400 naming `body` (with the parser's
 * words) rather than a bare "Malformed JSON"; the parsed body is cached by Hono for the validator and the handler.
 */
export function parseJsonBody(): MiddlewareHandler {
  return async (c, next) => {
    if (/^application\/([\w.-]+\+)?json/i.test(c.req.header('content-type') ?? '')) {
      try {
        await c.req.json();
      } catch (cause) {
        throw badRequest('body', `expected a JSON object with Content-Type: application/json (${(cause as Error).message})`);
      }
    }
    await next();
  };
}
