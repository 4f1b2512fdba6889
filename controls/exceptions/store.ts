import { randomUUID } from 'node:crypto';
import type { Database } from '../../schema/db.js';
import { kyselyOf } from '../../schema/kysely.js';
import type { Catalog } from '../loader.js';
import { exceptionInput, exceptionPatch, ExceptionInputError, expiryInstant, parseInput, stateOf, type Exception, type ExceptionInput, type ExceptionPatch, type ExceptionState } from './model.js';

/** Default and configurable ceiling of an exception's life (--max-exception-days, CALABI_MAX_EXCEPTION_DAYS). */
export const defaultMaxExceptionDays = 365;

export interface ExceptionContext {
  /** Validates scope ids: an exception naming an unknown check or requirement would never apply. */
  catalog: Catalog;
  /** Who makes the change (recorded as created_by / the event's actor). */
  actor: string;
  now: Date;
  maxDays?: number;
}

export interface ExceptionEvent {
  exception_id: string;
  revision: number;
  changed_at: string;
  actor: string;
  action: 'created' | 'changed' | 'revoked';
  changes: Record<string, [unknown, unknown]>;
}

export type ListedException = Exception & { state: ExceptionState };

const columns = [
  'id', 'revision', 'check_id', 'benchmark_id', 'requirement_id', 'account_id', 'region', 'resource_pattern', 'tag_key', 'tag_value',
  'justification', 'owner', 'created_by', 'created_at', 'updated_at', 'expires_at', 'ticket', 'revoked_at', 'revoked_by',
] as const;

/** Every exception (revoked and expired too, with their state), oldest first. */
export async function listExceptions(db: Database, now: Date): Promise<ListedException[]> {
  const rows = (await kyselyOf(db).selectFrom('exceptions').select(columns).orderBy('created_at').orderBy('id').execute()) as Exception[];
  return rows.map((r) => ({ ...r, state: stateOf(r, now) }));
}

export async function getException(db: Database, id: string): Promise<Exception | undefined> {
  return (await kyselyOf(db).selectFrom('exceptions').select(columns).where('id', '=', id).executeTakeFirst()) as Exception | undefined;
}

/** Every change to an exception, oldest first: the append-only history (never updated, never deleted). */
export async function exceptionHistory(db: Database, id: string): Promise<ExceptionEvent[]> {
  const rows = await kyselyOf(db).selectFrom('exception_events').select(['exception_id', 'revision', 'changed_at', 'actor', 'action', 'changes']).where('exception_id', '=', id).orderBy('revision').execute();
  return rows.map((r) => ({ ...r, action: r.action as ExceptionEvent['action'], changes: JSON.parse(r.changes) as ExceptionEvent['changes'] }));
}

/** Scope and terms as stored, from validated input (the fields a person sets). */
function fieldsOf(v: ReturnType<typeof parseInput<typeof exceptionInput>>, ctx: ExceptionContext) {
  const [tagKey, ...tagValue] = v.tag ? v.tag.split('=') : [];
  const fields = {
    check_id: v.check ?? null, benchmark_id: v.benchmark ?? null, requirement_id: v.requirement ?? null, account_id: v.account ?? null, region: v.region ?? null,
    resource_pattern: v.resource ?? null, tag_key: tagKey?.trim() || null, tag_value: v.tag?.includes('=') ? tagValue.join('=').trim() : null,
    justification: v.justification, owner: v.owner, expires_at: expiryInstant(v.expires).toISOString(), ticket: v.ticket ?? null,
  };
  validateScope(fields, ctx);
  return fields;
}

function validateScope(f: { check_id: string | null; benchmark_id: string | null; requirement_id: string | null; expires_at: string }, ctx: ExceptionContext): void {
  const { catalog } = ctx;
  if (f.check_id && (f.requirement_id || f.benchmark_id)) throw new ExceptionInputError('give either check, or benchmark and requirement, not both', 'check');
  if (f.check_id) {
    if (!catalog.checks.has(f.check_id)) throw new ExceptionInputError(`check: unknown check '${f.check_id}'; a check id is the name of a controls/checks/<service>/<id>.sql file (or of a custom check in $CALABI_CHECKS)`, 'check');
  } else if (f.requirement_id || f.benchmark_id) {
    if (!f.benchmark_id || !f.requirement_id) throw new ExceptionInputError('a requirement scope needs both benchmark and requirement (e.g. benchmark cis-aws-3.0, requirement 1.4)', f.benchmark_id ? 'requirement' : 'benchmark');
    const b = catalog.benchmarks.get(f.benchmark_id);
    if (!b) throw new ExceptionInputError(`benchmark: unknown benchmark '${f.benchmark_id}'; valid: ${[...catalog.benchmarks.keys()].sort().join(', ')}`, 'benchmark');
    if (!b.requirements.some((r) => r.id === f.requirement_id)) throw new ExceptionInputError(`requirement: ${f.benchmark_id} has no requirement '${f.requirement_id}'`, 'requirement');
  } else {
    throw new ExceptionInputError('scope: give a check, or a benchmark and requirement, that the exception accepts findings of', 'check');
  }
  const expires = new Date(f.expires_at).getTime();
  const maxDays = ctx.maxDays ?? defaultMaxExceptionDays;
  if (expires <= ctx.now.getTime()) throw new ExceptionInputError(`expires: ${f.expires_at} is not in the future; an exception must expire after it is made`, 'expires');
  const limit = ctx.now.getTime() + maxDays * 86_400_000;
  if (expires > limit) {
    throw new ExceptionInputError(`expires: ${f.expires_at} is more than the maximum of ${maxDays} days from now (latest ${new Date(limit).toISOString().slice(0, 10)}); accept the risk for less time and review it then, or raise --max-exception-days`, 'expires');
  }
}

const comparable = ['check_id', 'benchmark_id', 'requirement_id', 'account_id', 'region', 'resource_pattern', 'tag_key', 'tag_value', 'justification', 'owner', 'expires_at', 'ticket', 'revoked_at', 'revoked_by'] as const;

function diff(before: Partial<Exception>, after: Exception): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of comparable) if ((before[k] ?? null) !== (after[k] ?? null)) out[k] = [before[k] ?? null, after[k] ?? null];
  return out;
}

async function record(db: Database, after: Exception, action: ExceptionEvent['action'], changes: Record<string, [unknown, unknown]>, actor: string, at: Date, insert: boolean): Promise<void> {
  await db.write(async (tx) => {
    const k = kyselyOf(tx);
    if (insert) await k.insertInto('exceptions').values(after).execute();
    else await k.updateTable('exceptions').set(after).where('id', '=', after.id).execute();
    await k.insertInto('exception_events').values({ exception_id: after.id, revision: after.revision, changed_at: at, actor, action, changes: JSON.stringify(changes), snapshot: JSON.stringify(after) }).execute();
  });
}

export async function createException(db: Database, input: ExceptionInput, ctx: ExceptionContext, id: string = randomUUID()): Promise<Exception> {
  const fields = fieldsOf(parseInput(exceptionInput, input), ctx);
  const now = ctx.now.toISOString();
  const e: Exception = { id, revision: 1, ...fields, created_by: ctx.actor, created_at: now, updated_at: now, revoked_at: null, revoked_by: null };
  await record(db, e, 'created', diff({}, e), ctx.actor, ctx.now, true);
  return (await getException(db, id))!;
}

/** Changes the given fields (null clears an optional one); a revoked exception cannot change. Undefined when unknown. */
export async function changeException(db: Database, id: string, patch: ExceptionPatch, ctx: ExceptionContext): Promise<{ exception: Exception; changed: string[] } | undefined> {
  const current = await getException(db, id);
  if (!current) return undefined;
  if (current.revoked_at) throw new ExceptionInputError(`exception ${id} was revoked on ${current.revoked_at}; create a new one instead`, 'id');
  const p = parseInput(exceptionPatch, patch);
  const merged = {
    check: current.check_id, benchmark: current.benchmark_id, requirement: current.requirement_id, account: current.account_id, region: current.region,
    resource: current.resource_pattern, tag: current.tag_key ? (current.tag_value === null ? current.tag_key : `${current.tag_key}=${current.tag_value}`) : null,
    justification: current.justification, owner: current.owner, expires: current.expires_at, ticket: current.ticket,
    ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)),
  };
  const fields = fieldsOf(parseInput(exceptionInput, merged), ctx);
  const next: Exception = { ...current, ...fields };
  const changes = diff(current, next);
  if (Object.keys(changes).length === 0) return { exception: current, changed: [] };
  const after: Exception = { ...next, revision: current.revision + 1, updated_at: ctx.now.toISOString() };
  await record(db, after, 'changed', changes, ctx.actor, ctx.now, false);
  return { exception: (await getException(db, id))!, changed: Object.keys(changes) };
}

/** Revoking is an event: the exception stays, with who revoked it and when, and stops applying. */
export async function revokeException(db: Database, id: string, ctx: Pick<ExceptionContext, 'actor' | 'now'>): Promise<Exception | undefined> {
  const current = await getException(db, id);
  if (!current) return undefined;
  if (current.revoked_at) return current;
  const after: Exception = { ...current, revision: current.revision + 1, updated_at: ctx.now.toISOString(), revoked_at: ctx.now.toISOString(), revoked_by: ctx.actor };
  await record(db, after, 'revoked', diff(current, after), ctx.actor, ctx.now, false);
  return (await getException(db, id))!;
}
