import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../schema/db.js';
import { kyselyOf } from '../schema/kysely.js';
import { open, seal, secretKey } from '../schema/secret-box.js';

/** The URL of a webhook carries its token, so it is stored sealed (secret-box.ts) and opened on read. */
const urlContext = 'channels.url';
const sealUrl = (db: Database, url: string) => seal(url, secretKey(db.path), urlContext);
const openUrl = <T extends { url: string }>(db: Database, row: T): T => ({ ...row, url: open(row.url, secretKey(db.path), urlContext) });

export const channelInput = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.literal('webhook').default('webhook'),
  url: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'url must be an http(s) URL'),
  enabled: z.boolean().default(true),
});
export type ChannelInput = z.input<typeof channelInput>;

export interface ChannelHealth {
  /** ok | failing | never — failing when the last delivery gave up after its retries. */
  state: 'ok' | 'failing' | 'never';
  last_attempt_at: string | null;
  last_status: string | null;
  last_http_status: number | null;
  last_error: string | null;
  /** Deliveries in a row (newest first) that gave up. */
  consecutive_failures: number;
}

export interface Channel {
  id: string;
  name: string;
  kind: 'webhook';
  url: string;
  enabled: boolean;
  created_at: string;
  updated_at: string;
  health: ChannelHealth;
}

export class ChannelInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelInputError';
  }
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ChannelInputError(r.error.issues.map((i) => `${i.path.join('.') || 'channel'}: ${i.message}`).join('; '));
  return r.data;
}

const channelColumns = ['id', 'name', 'kind', 'url', 'enabled', 'created_at', 'updated_at'] as const;
// kind is VARCHAR in the table; 'webhook' is the only kind channelInput accepts.
const channels = (db: Database) => kyselyOf(db).selectFrom('channels').select(channelColumns).$castTo<Omit<Channel, 'health'>>();

export async function listChannels(db: Database): Promise<Channel[]> {
  const rows = await channels(db).orderBy('created_at').orderBy('id').execute();
  return Promise.all(rows.map(async (r) => ({ ...openUrl(db, r), health: await channelHealth(db, r.id) })));
}

export async function getChannel(db: Database, id: string): Promise<Channel | undefined> {
  const row = await channels(db).where('id', '=', id).executeTakeFirst();
  return row && { ...openUrl(db, row), health: await channelHealth(db, id) };
}

export async function createChannel(db: Database, input: ChannelInput, now: Date): Promise<Channel> {
  const v = parse(channelInput, input);
  const id = randomUUID();
  const row = { id, name: v.name, kind: v.kind, url: sealUrl(db, v.url), enabled: v.enabled, created_at: now, updated_at: now };
  await db.write((tx) => kyselyOf(tx).insertInto('channels').values(row).execute());
  return (await getChannel(db, id))!;
}

export async function updateChannel(db: Database, id: string, patch: Partial<ChannelInput>, now: Date): Promise<Channel | undefined> {
  const current = await getChannel(db, id);
  if (!current) return undefined;
  const v = parse(channelInput, { name: current.name, kind: current.kind, url: current.url, enabled: current.enabled, ...Object.fromEntries(Object.entries(patch).filter(([, x]) => x !== undefined)) });
  const change = { name: v.name, url: sealUrl(db, v.url), enabled: v.enabled, updated_at: now };
  await db.write((tx) => kyselyOf(tx).updateTable('channels').set(change).where('id', '=', id).execute());
  return getChannel(db, id);
}

export async function deleteChannel(db: Database, id: string): Promise<boolean> {
  if (!(await getChannel(db, id))) return false;
  await db.write((tx) => kyselyOf(tx).deleteFrom('channels').where('id', '=', id).execute());
  return true;
}

/** Health from the delivery log: the latest attempt, and how many deliveries in a row gave up. */
export async function channelHealth(db: Database, channelId: string): Promise<ChannelHealth> {
  const deliveries = kyselyOf(db).selectFrom('deliveries').where('channel_id', '=', channelId).orderBy('attempted_at', 'desc').orderBy('attempt', 'desc');
  const last = await deliveries.select(['attempted_at', 'status', 'http_status', 'error']).limit(1).executeTakeFirst();
  const finals = await deliveries.select('status').where('final', '=', true).limit(100).execute();
  let consecutive = 0;
  for (const f of finals) {
    if (f.status !== 'failed') break;
    consecutive++;
  }
  return {
    state: !last ? 'never' : consecutive > 0 ? 'failing' : 'ok',
    last_attempt_at: last?.attempted_at ?? null,
    last_status: last?.status ?? null,
    last_http_status: last?.http_status ?? null,
    last_error: last?.error ?? null,
    consecutive_failures: consecutive,
  };
}
