import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth as honoBearerAuth } from 'hono/bearer-auth';
import type { ErrorBody } from './errors.js';

const challenge = 'Bearer realm="calabi"';
const refusal: ErrorBody = { status: 401, code: 'unauthorized', message: 'this server needs a token: send Authorization: Bearer <token> (the value of CALABI_TOKEN or --token)' };

/**
 * Requires `Authorization: Bearer <token>` on every request it guards: Hono's bearer-auth middleware, which compares
 * SHA-256 digests of the token and the guess in constant time. Wrapped only in what it answers: Hono says 400 to a
 * header that is not a bearer credential (another scheme, no token, two tokens); we keep one answer for every
 * refusal — 401 with our error body and `WWW-Authenticate: Bearer realm="calabi"` — so a client learns nothing
 * from the difference. Tokens outside RFC 6750's token syntax never match; server.ts refuses them at start-up.
 */
export function bearerAuth(token: string): MiddlewareHandler {
  const refuse = (c: Context) => c.json(refusal, 401, { 'WWW-Authenticate': challenge });
  const answer = { wwwAuthenticateHeader: challenge, message: refuse };
  return honoBearerAuth({ token, realm: 'calabi', noAuthenticationHeader: answer, invalidAuthenticationHeader: answer, invalidToken: answer });
}
