import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

/**
 * A 200 JSON response from text already serialised (reports of finished scans are cached as text). Typed as the
 * route's declared body, which the text was built from, so the route's handler type still holds.
 */
export function jsonText<T>(c: Context, text: string): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  const res: Response = c.body(text, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  return res as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}
