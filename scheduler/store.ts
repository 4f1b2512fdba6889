import { randomUUID } from 'node:crypto';
import type { Database } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';
import { describeTiming, nextRunAfter, normaliseTiming, scheduleInput, ScheduleSpecError, type Frequency, type ScheduleInput } from './spec.js';

export interface Schedule {
  id: string;
  name: string;
  benchmark_id: string;
  frequency: Frequency;
  weekday: number | null;
  day_of_month: number | null;
  time_of_day: string;
  timezone: string;
  sync_first: boolean;
  alert_threshold: number | null;
  channel_ids: string[] | null;
  paused: boolean;
  created_at: string;
  updated_at: string;
  next_run_at: string | null;
  last_run_at: string | null;
  /** "daily at 06:00 Europe/Berlin" */
  description: string;
}

export interface StoreOptions {
  /** Throws when the benchmark id is unknown (the catalogue's check); default: accept any. */
  checkBenchmark?: (id: string) => void;
}

const columns = [
  'id', 'name', 'benchmark_id', 'frequency', 'weekday', 'day_of_month', 'time_of_day', 'timezone', 'sync_first', 'alert_threshold',
  'channel_ids', 'paused', 'created_at', 'updated_at', 'next_run_at', 'last_run_at',
] as const;
// frequency is VARCHAR in the table; scheduleInput only ever writes a Frequency.
const schedules = (db: Database) => kyselyOf(db).selectFrom('schedules').select(columns).$castTo<Omit<Schedule, 'description'>>();

function withDescription(row: Omit<Schedule, 'description'>): Schedule {
  return { ...row, description: describeTiming(row) };
}

export async function listSchedules(db: Database): Promise<Schedule[]> {
  return (await schedules(db).orderBy('created_at').orderBy('id').execute()).map(withDescription);
}

export async function getSchedule(db: Database, id: string): Promise<Schedule | undefined> {
  const row = await schedules(db).where('id', '=', id).executeTakeFirst();
  return row && withDescription(row);
}

function parse(input: unknown, options: StoreOptions) {
  const parsed = scheduleInput.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ScheduleSpecError(parsed.error.issues.map((i) => `${i.path.join('.') || 'schedule'}: ${i.message}`).join('; '), String(first?.path[0] ?? 'schedule'));
  }
  const v = parsed.data;
  options.checkBenchmark?.(v.benchmark_id);
  return { ...v, ...normaliseTiming(v) };
}

export async function createSchedule(db: Database, input: ScheduleInput, now: Date, options: StoreOptions = {}): Promise<Schedule> {
  const v = parse(input, options);
  const id = randomUUID();
  const next = v.paused ? null : nextRunAfter(v, now);
  const row = {
    id, name: v.name ?? `${v.benchmark_id} ${describeTiming(v)}`, benchmark_id: v.benchmark_id, frequency: v.frequency, weekday: v.weekday,
    day_of_month: v.day_of_month, time_of_day: v.time_of_day, timezone: v.timezone, sync_first: v.sync_first, alert_threshold: v.alert_threshold ?? null,
    channel_ids: v.channel_ids ?? null, paused: v.paused, created_at: now, updated_at: now, next_run_at: next, last_run_at: null,
  };
  await db.write((tx) => kyselyOf(tx).insertInto('schedules').values(row).execute());
  return (await getSchedule(db, id))!;
}

/** Applies a partial change; timing changes and un-pausing recompute the next due time from `now`. */
export async function updateSchedule(db: Database, id: string, patch: Partial<ScheduleInput>, now: Date, options: StoreOptions = {}): Promise<Schedule | undefined> {
  const current = await getSchedule(db, id);
  if (!current) return undefined;
  const merged = {
    name: current.name, benchmark_id: current.benchmark_id, frequency: current.frequency, weekday: current.weekday,
    day_of_month: current.day_of_month, time_of_day: current.time_of_day, timezone: current.timezone, sync_first: current.sync_first,
    alert_threshold: current.alert_threshold, channel_ids: current.channel_ids, paused: current.paused, ...stripUndefined(patch),
  };
  const v = parse(merged, options);
  const timingChanged = ['frequency', 'weekday', 'day_of_month', 'time_of_day', 'timezone'].some((k) => (v as Record<string, unknown>)[k] !== (current as unknown as Record<string, unknown>)[k]);
  const next = v.paused ? null : timingChanged || current.paused || !current.next_run_at ? nextRunAfter(v, now) : new Date(current.next_run_at);
  const change = {
    name: v.name ?? current.name, benchmark_id: v.benchmark_id, frequency: v.frequency, weekday: v.weekday, day_of_month: v.day_of_month,
    time_of_day: v.time_of_day, timezone: v.timezone, sync_first: v.sync_first, alert_threshold: v.alert_threshold ?? null,
    channel_ids: v.channel_ids ?? null, paused: v.paused, updated_at: now, next_run_at: next,
  };
  await db.write((tx) => kyselyOf(tx).updateTable('schedules').set(change).where('id', '=', id).execute());
  return getSchedule(db, id);
}

export async function deleteSchedule(db: Database, id: string): Promise<boolean> {
  const existing = await getSchedule(db, id);
  if (!existing) return false;
  await db.write((tx) => kyselyOf(tx).deleteFrom('schedules').where('id', '=', id).execute());
  return true;
}

export async function setNextRun(db: Database, id: string, next: Date | null, lastRun?: Date): Promise<void> {
  await db.write((tx) =>
    kyselyOf(tx)
      .updateTable('schedules')
      .set(lastRun ? { next_run_at: next, last_run_at: lastRun } : { next_run_at: next })
      .where('id', '=', id)
      .execute(),
  );
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
