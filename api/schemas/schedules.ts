import { z } from '@hono/zod-openapi';
import { channelInput } from '../../scheduler/channels.js';
import { scheduleInput } from '../../scheduler/spec.js';
import { int, nint, nnum, nstr } from './common.js';

/**
 * Request and response bodies of the schedule and channel routes. The request schemas are the scheduler's own input
 * schemas (the store parses the same body again and adds the checks that need the database or the catalogue).
 */

const fields = Object.keys(scheduleInput.shape).join(', ');

export const ScheduleRequest = scheduleInput.openapi('ScheduleRequest', {
  description: 'benchmark_id, frequency (daily|weekly|monthly), weekday (weekly), day_of_month (1–28 or "last"), time_of_day HH:MM, timezone (IANA), sync_first, alert_threshold (points), channel_ids, paused',
});

export const SchedulePatch = z.strictObject(scheduleInput.partial().shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field; a schedule has ${fields}` : undefined) }).openapi('SchedulePatch');

const scheduleFields = {
  id: z.string(), name: z.string(), benchmark_id: z.string(), frequency: z.enum(['daily', 'weekly', 'monthly']), weekday: nint, day_of_month: nint,
  time_of_day: z.string(), timezone: z.string(), sync_first: z.boolean(), alert_threshold: nnum, channel_ids: z.array(z.string()).nullable(),
  paused: z.boolean(), created_at: z.string(), updated_at: z.string(), next_run_at: nstr, last_run_at: nstr,
  description: z.string().openapi({ example: 'daily at 06:00 Europe/Berlin' }),
  running: z.boolean().openapi({ description: 'A run of it is going now' }),
};

export const Schedule = z.strictObject(scheduleFields).openapi('Schedule');

export const ScheduleRun = z.strictObject({
  id: z.string(), schedule_id: nstr, benchmark_id: z.string(), trigger: z.enum(['due', 'missed', 'manual', 'cli']), scheduled_for: nstr,
  started_at: z.string(), finished_at: nstr, status: z.enum(['running', 'ok', 'failed', 'skipped']), scan_id: nstr, sync_run_id: nstr,
  score: nnum, previous_score: nnum, alert_id: nstr, error: nstr,
}).openapi('ScheduleRun');

export const ScheduleList = z.strictObject({
  scheduler_running: z.boolean().openapi({ description: 'This server runs schedules (calabi serve)' }),
  schedules: z.array(z.strictObject({
    ...scheduleFields,
    last_run: z.strictObject({ schedule_id: z.string(), status: z.string(), started_at: z.string(), error: nstr, scan_id: nstr }).nullable(),
  })),
}).openapi('ScheduleList');

export const ScheduleDetail = z.strictObject({ ...scheduleFields, runs: z.array(ScheduleRun) }).openapi('ScheduleDetail');
export const ScheduleRuns = z.strictObject({ runs: z.array(ScheduleRun) }).openapi('ScheduleRuns');
export const ScheduleStarted = z.strictObject({ schedule_id: z.string(), state: z.literal('started'), runs: z.string() }).openapi('ScheduleStarted');

export const ChannelRequest = channelInput.openapi('ChannelRequest', { description: 'A webhook channel: name, url (Slack/Teams incoming webhooks work as they are), enabled' });
export const ChannelPatch = channelInput.partial().openapi('ChannelPatch');

export const Channel = z.strictObject({
  id: z.string(), name: z.string(), kind: z.literal('webhook'), url: z.string(), enabled: z.boolean(), created_at: z.string(), updated_at: z.string(),
  health: z.strictObject({
    state: z.enum(['ok', 'failing', 'never']).openapi({ description: 'failing when the last delivery gave up after its retries' }),
    last_attempt_at: nstr, last_status: nstr, last_http_status: nint, last_error: nstr,
    consecutive_failures: int,
  }),
}).openapi('Channel');

export const Delivery = z.strictObject({
  id: z.string(), alert_id: nstr, channel_id: z.string(), attempt: int, attempted_at: z.string(), duration_ms: nnum, status: z.string(),
  http_status: nint, error: nstr, final: z.boolean(),
}).openapi('Delivery');

export const ChannelList = z.strictObject({ channels: z.array(Channel) }).openapi('ChannelList');
export const ChannelDetail = z.strictObject({ ...Channel.shape, deliveries: z.array(Delivery) }).openapi('ChannelDetail');
export const Deliveries = z.strictObject({ deliveries: z.array(Delivery) }).openapi('Deliveries');
export const ChannelTest = z.strictObject({
  channel_id: z.string(), ok: z.boolean(), attempts: int, http_status: nint, error: nstr, channel: Channel.nullable(),
}).openapi('ChannelTest');
