import { Cron } from 'croner';
import { z } from 'zod';

export const frequencies = ['daily', 'weekly', 'monthly'] as const;
export type Frequency = (typeof frequencies)[number];
const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** What a user gives to create or change a schedule (API body, `calabi schedule add` flags, the page's form). */
export const scheduleInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  benchmark_id: z.string().trim().min(1),
  frequency: z.enum(frequencies),
  /** weekly: 0 Sunday … 6 Saturday, or the day's English name. */
  weekday: z.union([z.number().int().min(0).max(6), z.string()]).nullish(),
  /** monthly: 1–28, or -1 / "last" for the last day of the month (29–31 do not exist in every month). */
  day_of_month: z.union([z.number().int(), z.literal('last')]).nullish(),
  /** HH:MM, 24-hour, in `timezone`. */
  time_of_day: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'time_of_day must be HH:MM (24-hour), e.g. 06:30'),
  timezone: z.string().default('UTC'),
  sync_first: z.boolean().default(false),
  alert_threshold: z.number().min(0).max(100).nullish(),
  channel_ids: z.array(z.string()).nullish(),
  paused: z.boolean().default(false),
});
export type ScheduleInput = z.input<typeof scheduleInput>;

export interface ScheduleTiming {
  frequency: Frequency;
  weekday: number | null;
  day_of_month: number | null;
  time_of_day: string;
  timezone: string;
}

export class ScheduleSpecError extends Error {
  constructor(message: string, readonly field = 'schedule') {
    super(message);
    this.name = 'ScheduleSpecError';
  }
}

/** Checks the fields that depend on each other and normalises names ("monday", "last") to numbers. */
export function normaliseTiming(input: { frequency: Frequency; weekday?: number | string | null; day_of_month?: number | 'last' | null; time_of_day: string; timezone?: string }): ScheduleTiming {
  const timezone = input.timezone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new ScheduleSpecError(`unknown time zone '${timezone}': use an IANA name such as UTC, Europe/Berlin or America/New_York`, 'timezone');
  }
  const [h, m] = input.time_of_day.split(':');
  const time = `${String(Number(h)).padStart(2, '0')}:${String(Number(m)).padStart(2, '0')}`;
  let weekday: number | null = null;
  let day: number | null = null;
  if (input.frequency === 'weekly') {
    const w = input.weekday;
    weekday = typeof w === 'string' ? weekdays.findIndex((d) => d.startsWith(w.trim().toLowerCase().slice(0, 3))) : (w ?? -1);
    if (weekday < 0 || weekday > 6) throw new ScheduleSpecError('a weekly schedule needs weekday: 0 (Sunday) to 6 (Saturday), or a day name such as monday', 'weekday');
  }
  if (input.frequency === 'monthly') {
    const d = input.day_of_month === 'last' ? -1 : input.day_of_month;
    if (d === undefined || d === null || !(d === -1 || (d >= 1 && d <= 28))) {
      throw new ScheduleSpecError('a monthly schedule needs day_of_month 1–28, or "last" for the last day of the month (29–31 do not occur every month)', 'day_of_month');
    }
    day = d;
  }
  return { frequency: input.frequency, weekday, day_of_month: day, time_of_day: time, timezone };
}

/** The croner pattern (minute hour day month weekday) for a schedule's timing. */
export function cronPattern(t: ScheduleTiming): string {
  const [h, m] = t.time_of_day.split(':').map(Number);
  const dom = t.frequency === 'monthly' ? (t.day_of_month === -1 ? 'L' : String(t.day_of_month)) : '*';
  const dow = t.frequency === 'weekly' ? String(t.weekday) : '*';
  return `${m} ${h} ${dom} * ${dow}`;
}

/**
 * The first due time strictly after `after`, computed by croner in the schedule's time zone, so a daily 06:00 in
 * Europe/Berlin stays 06:00 local across daylight-saving changes. A time that does not exist on the spring-forward
 * day (02:30) runs once at the first valid instant after it; on the fall-back day it runs once, not twice.
 */
export function nextRunAfter(t: ScheduleTiming, after: Date): Date {
  const cron = new Cron(cronPattern(t), { timezone: t.timezone, paused: true });
  try {
    const next = cron.nextRun(after);
    if (!next) throw new ScheduleSpecError(`schedule ${cronPattern(t)} in ${t.timezone} never runs`);
    return next;
  } finally {
    cron.stop();
  }
}

/** "daily at 06:00 Europe/Berlin", "weekly on Monday at 09:00 UTC", "monthly on the last day at 07:30 UTC". */
export function describeTiming(t: ScheduleTiming): string {
  const at = `at ${t.time_of_day} ${t.timezone}`;
  if (t.frequency === 'weekly') return `weekly on ${cap(weekdays[t.weekday ?? 0]!)} ${at}`;
  if (t.frequency === 'monthly') return `monthly on ${t.day_of_month === -1 ? 'the last day' : `day ${t.day_of_month}`} ${at}`;
  return `daily ${at}`;
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
