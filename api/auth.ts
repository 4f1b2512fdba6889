import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/**
 * Requires `Authorization: Bearer <token>` on every request it guards. Both sides are hashed first so the
 * comparison takes the same time whatever the length or content of the guess.
 */
export function bearerAuth(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!m || !timingSafeEqual(digest(m[1]!), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="calabi"');
      throw new ApiError({ status: 401, code: 'unauthorized', message: 'this server needs a token: send Authorization: Bearer <token> (the value of CALABI_TOKEN or --token)' });
    }
    await next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
