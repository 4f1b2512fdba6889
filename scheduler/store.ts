import { randomUUID } from 'node:crypto';
import type { Database } from '../schema/db.js';
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

const columns = `id, name, benchmark_id, frequency, weekday, day_of_month, time_of_day, timezone, sync_first, alert_threshold,
  channel_ids, paused, created_at, updated_at, next_run_at, last_run_at`;

function withDescription(row: Omit<Schedule, 'description'>): Schedule {
  return { ...row, description: describeTiming(row) };
}

export async function listSchedules(db: Database): Promise<Schedule[]> {
  return (await db.all<Omit<Schedule, 'description'>>(`SELECT ${columns} FROM schedules ORDER BY created_at, id`)).map(withDescription);
}

export async function getSchedule(db: Database, id: string): Promise<Schedule | undefined> {
  const row = await db.one<Omit<Schedule, 'description'>>(`SELECT ${columns} FROM schedules WHERE id = ?`, [id]);
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
  await db.write((tx) =>
    tx.run(
      `INSERT INTO schedules (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${listSql(v.channel_ids)}, ?, ?, ?, ?, NULL)`,
      [
        id, v.name ?? `${v.benchmark_id} ${describeTiming(v)}`, v.benchmark_id, v.frequency, v.weekday, v.day_of_month, v.time_of_day, v.timezone,
        v.sync_first, v.alert_threshold ?? null, ...(v.channel_ids ?? []), v.paused, now, now, next,
      ],
    ),
  );
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
  await db.write((tx) =>
    tx.run(
      `UPDATE schedules SET name = ?, benchmark_id = ?, frequency = ?, weekday = ?, day_of_month = ?, time_of_day = ?, timezone = ?,
         sync_first = ?, alert_threshold = ?, channel_ids = ${listSql(v.channel_ids)}, paused = ?, updated_at = ?, next_run_at = ? WHERE id = ?`,
      [
        v.name ?? current.name, v.benchmark_id, v.frequency, v.weekday, v.day_of_month, v.time_of_day, v.timezone, v.sync_first,
        v.alert_threshold ?? null, ...(v.channel_ids ?? []), v.paused, now, next, id,
      ],
    ),
  );
  return getSchedule(db, id);
}

export async function deleteSchedule(db: Database, id: string): Promise<boolean> {
  const existing = await getSchedule(db, id);
  if (!existing) return false;
  await db.write((tx) => tx.run('DELETE FROM schedules WHERE id = ?', [id]));
  return true;
}

export async function setNextRun(db: Database, id: string, next: Date | null, lastRun?: Date): Promise<void> {
  await db.write((tx) =>
    lastRun
      ? tx.run('UPDATE schedules SET next_run_at = ?, last_run_at = ? WHERE id = ?', [next, lastRun, id])
      : tx.run('UPDATE schedules SET next_run_at = ? WHERE id = ?', [next, id]),
  );
}

/** A VARCHAR[] literal built from placeholders (NULL when absent), so list parameters stay bound, never spliced. */
function listSql(values: readonly string[] | null | undefined): string {
  if (!values) return 'NULL';
  return values.length ? `[${values.map(() => '?').join(', ')}]::VARCHAR[]` : '[]::VARCHAR[]';
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
