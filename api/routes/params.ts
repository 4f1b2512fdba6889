import type { Context } from 'hono';
import { badRequest } from '../errors.js';

/** Reads the JSON body as an object; anything else is a 400 naming `body`. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (cause) {
    throw badRequest('body', `expected a JSON object with Content-Type: application/json (${(cause as Error).message})`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('body', 'expected a JSON object');
  return body as Record<string, unknown>;
}

export function intParam(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw badRequest(name, `must be a whole number from ${min} to ${max}, not '${raw}'`);
  return n;
}

/** Ids in paths and queries are plain tokens; refusing odd characters early keeps error messages readable. */
export function idParam(value: string | undefined, name: string): string {
  if (value === undefined || value === '' || value.length > 200 || /[\u0000-\u001f]/.test(value)) throw badRequest(name, 'must be a non-empty id');
  return value;
}
