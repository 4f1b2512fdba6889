import { z } from 'zod';

/**
 * An exception (risk acceptance): findings in its scope are accepted for a reason until it expires. Scope is one
 * check (every requirement that maps it) or one requirement of one benchmark, narrowed by any of account, region,
 * a resource id glob and a tag the inventory holds for the resource.
 */
export interface Exception {
  id: string;
  revision: number;
  check_id: string | null;
  benchmark_id: string | null;
  requirement_id: string | null;
  account_id: string | null;
  region: string | null;
  /** Glob on the finding's resource id: `*` any run of characters (also `/` and `:`), `?` one; the rest literal. */
  resource_pattern: string | null;
  tag_key: string | null;
  tag_value: string | null;
  justification: string;
  owner: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
  ticket: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** active: applies at the next evaluation; expired and revoked do not. */
export type ExceptionState = 'active' | 'expired' | 'revoked';

export function stateOf(e: Pick<Exception, 'revoked_at' | 'expires_at'>, now: Date): ExceptionState {
  if (e.revoked_at) return 'revoked';
  return new Date(e.expires_at).getTime() <= now.getTime() ? 'expired' : 'active';
}

/** Bad input: the message names the field and what to do. */
export class ExceptionInputError extends Error {
  constructor(message: string, readonly field = 'body') {
    super(message);
    this.name = 'ExceptionInputError';
  }
}

const text = (max: number) => z.string().trim().min(1).max(max);
/** A date (YYYY-MM-DD: the end of that day, UTC) or an ISO instant. */
const when = z.string().trim().refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date (YYYY-MM-DD) or an ISO 8601 time');

/** What a person may set; created_by, id, times and revision are the store's. */
export const exceptionFields = {
  check: text(200).nullish(),
  benchmark: text(200).nullish(),
  requirement: text(200).nullish(),
  account: z.string().trim().regex(/^\d{12}$/, 'must be a 12-digit AWS account id').nullish(),
  region: text(50).nullish(),
  resource: text(2048).nullish(),
  tag: z.string().trim().regex(/^[^=]+(=.*)?$/, 'must be key or key=value').nullish(),
  justification: z.string({ error: 'justification is required: say why the risk is accepted' }).trim().min(1, 'justification is required: say why the risk is accepted').max(4000),
  owner: text(200),
  expires: when,
  ticket: z.string().trim().url('must be a URL (the ticket that tracks the risk)').nullish(),
};
export const exceptionInput = z.strictObject(exceptionFields);
export const exceptionPatch = z.strictObject(z.object(exceptionFields).partial().shape);
export type ExceptionInput = z.input<typeof exceptionInput>;
export type ExceptionPatch = z.input<typeof exceptionPatch>;

/** The instant an `expires` value means: a bare date is the end of that day in UTC (valid through that whole day). */
export function expiryInstant(value: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T23:59:59.999Z`);
  return new Date(value);
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) {
    const first = r.error.issues[0]!;
    const field = String(first.path[0] ?? 'body');
    const message = r.error.issues
      .map((i) => (i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}; an exception has ${Object.keys(exceptionFields).join(', ')}` : `${i.path.join('.') || 'exception'}: ${i.message}`))
      .join('; ');
    throw new ExceptionInputError(message, field);
  }
  return r.data;
}
