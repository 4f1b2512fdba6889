import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The JSON body of every error response: a status, a short code, a message for people, and the field at fault. */
export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  field?: string;
  position?: { line: number; column: number };
}

/** A request error with a JSON body; thrown from routes and turned into the response by app.onError. */
export class ApiError extends HTTPException {
  constructor(readonly body: ErrorBody, options?: { cause?: unknown }) {
    super(body.status as ContentfulStatusCode, { message: body.message, cause: options?.cause });
  }
}

export function badRequest(field: string, message: string): ApiError {
  return new ApiError({ status: 400, code: 'invalid_input', field, message: `${field}: ${message}` });
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError({ status: 404, code: 'not_found', message: `no ${what} '${id}'` });
}

export function conflict(message: string): ApiError {
  return new ApiError({ status: 409, code: 'conflict', message });
}

export function errorResponse(c: Context, body: ErrorBody): Response {
  return c.json(body, body.status as ContentfulStatusCode);
}
