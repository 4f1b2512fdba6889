import { randomUUID } from 'node:crypto';
import type { Database } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';
import type { Channel } from './channels.js';
import { systemClock, type Clock } from './clock.js';
import type { BlockList } from 'node:net';
import { DestinationRefused, parseAllowList } from './destination.js';
import { postJson, type PostAnswer } from './post.js';

export interface DeliveryOptions {
  /** Waits before attempt 2, 3, …; its length + 1 is the number of attempts. Default 1 s, 5 s, 30 s, 2 min. */
  backoffMs?: readonly number[];
  /** Per-attempt timeout. */
  timeoutMs?: number;
  clock?: Clock;
  /** Addresses webhooks may reach although they are not public (default: $CALABI_WEBHOOK_ALLOW, e.g. "10.0.0.0/8"). */
  allow?: BlockList;
  /** Sends one attempt (default: postJson); tests replace it where no receiver can express the case. */
  post?: (url: string, text: string, options: { timeoutMs: number; allow: BlockList }) => Promise<PostAnswer>;
}

export interface DeliveryResult {
  channel_id: string;
  ok: boolean;
  attempts: number;
  http_status: number | null;
  error: string | null;
}

export const defaultBackoffMs = [1_000, 5_000, 30_000, 120_000] as const;

/** The operator's allow-list from CALABI_WEBHOOK_ALLOW, read when a delivery starts (serve --webhook-allow sets it). */
export function allowListFromEnv(): BlockList {
  return parseAllowList(process.env.CALABI_WEBHOOK_ALLOW);
}

/**
 * POSTs one JSON message to a webhook channel. Network errors, timeouts, HTTP 408, 429 and 5xx are retried after the
 * back-off delays; other 4xx answers mean the request itself is wrong and are not retried, and neither is a
 * destination the address rule refuses (destination.ts) or a redirect (never followed). Every attempt becomes a
 * `deliveries` row with the HTTP status only, never the receiver's text; the last one is marked `final`.
 */
export async function deliver(db: Database, channel: Pick<Channel, 'id' | 'url' | 'name'>, body: unknown, alertId: string | null, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const clock = options.clock ?? systemClock;
  const post = options.post ?? postJson;
  const allow = options.allow ?? allowListFromEnv();
  const maxAttempts = backoff.length + 1;
  const text = JSON.stringify(body);
  for (let attempt = 1; ; attempt++) {
    const started = clock.now();
    const t0 = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    let retryable = true;
    try {
      const res = await post(channel.url, text, { timeoutMs: options.timeoutMs ?? 10_000, allow });
      status = res.status;
      if (res.status < 200 || res.status > 299) {
        const redirect = res.status >= 300 && res.status < 400;
        error = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${redirect ? ' (redirects are not followed; give the final URL)' : ''}`;
        retryable = res.status === 408 || res.status === 429 || res.status >= 500;
      }
    } catch (cause) {
      const e = cause as Error & { code?: string };
      const code = e.code;
      if (e instanceof DestinationRefused || code === 'EDESTREFUSED') retryable = false;
      error = e.name === 'TimeoutError' ? 'timed out' : `${e.message}${code && !e.message.includes(code) && code !== 'EDESTREFUSED' ? ` (${code})` : ''}`;
    }
    const ok = error === null;
    const final = ok || !retryable || attempt >= maxAttempts;
    const row = {
      id: randomUUID(), alert_id: alertId, channel_id: channel.id, attempt, attempted_at: started, duration_ms: performance.now() - t0,
      status: ok ? 'ok' : 'failed', http_status: status, error, final,
    };
    await db.write((tx) => kyselyOf(tx).insertInto('deliveries').values(row).execute());
    if (final) return { channel_id: channel.id, ok, attempts: attempt, http_status: status, error };
    await clock.sleep(backoff[attempt - 1]!);
  }
}

export interface DeliveryRow {
  id: string;
  alert_id: string | null;
  channel_id: string;
  attempt: number;
  attempted_at: string;
  duration_ms: number;
  status: string;
  http_status: number | null;
  error: string | null;
  final: boolean;
}

export async function listDeliveries(db: Database, channelId: string, limit = 50): Promise<DeliveryRow[]> {
  return kyselyOf(db)
    .selectFrom('deliveries')
    .selectAll()
    .where('channel_id', '=', channelId)
    .orderBy('attempted_at', 'desc')
    .orderBy('attempt', 'desc')
    .limit(Math.max(1, Math.min(500, Math.floor(limit))))
    .$castTo<DeliveryRow>()
    .execute();
}
