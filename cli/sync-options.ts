import type { SyncOptions } from '../sync/runner.js';
import { defaultCallTimeouts, defaultMaxInFlight } from '../sync/clients.js';
import { defaultSyncDeadlineMs } from '../sync/deadline.js';
import { UsageError } from './errors.js';

/** The sync flags every command that syncs shares (sync, scan, run, serve). */
export interface SyncFlags {
  regions?: string;
  services?: string;
  profile?: string;
  roleName?: string;
  externalId?: string;
  accounts?: string;
  organization?: boolean;
  concurrency?: string;
  maxInFlight?: string;
  endpointUrl?: string;
  connectTimeout?: string;
  requestTimeout?: string;
  callTimeout?: string;
  deadline?: string;
}

export type SyncSettings = Omit<SyncOptions, 'db' | 'onProgress'>;

/**
 * Validated runSync options from flags (and their environment variables), so a bad value fails at start with a
 * message naming the flag, before anything is opened or synced.
 */
export function syncSettings(flags: SyncFlags, env: NodeJS.ProcessEnv = process.env): SyncSettings {
  const concurrency = Number(flags.concurrency ?? 8);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 64, not '${flags.concurrency}'`);
  }
  const maxInFlight = Number(flags.maxInFlight ?? env.CALABI_MAX_IN_FLIGHT ?? defaultMaxInFlight);
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1 || maxInFlight > 512) {
    throw new UsageError(`--max-in-flight (CALABI_MAX_IN_FLIGHT) must be a whole number from 1 to 512, not '${flags.maxInFlight ?? env.CALABI_MAX_IN_FLIGHT}'`);
  }
  const call = duration(flags.callTimeout ?? env.CALABI_CALL_TIMEOUT, '--call-timeout (CALABI_CALL_TIMEOUT)');
  const connectMs = duration(flags.connectTimeout ?? env.CALABI_CONNECT_TIMEOUT, '--connect-timeout (CALABI_CONNECT_TIMEOUT)') ?? call ?? defaultCallTimeouts.connectMs;
  const requestMs = duration(flags.requestTimeout ?? env.CALABI_REQUEST_TIMEOUT, '--request-timeout (CALABI_REQUEST_TIMEOUT)') ?? call ?? defaultCallTimeouts.requestMs;
  const deadlineMs = duration(flags.deadline ?? env.CALABI_SYNC_DEADLINE, '--deadline (CALABI_SYNC_DEADLINE)') ?? defaultSyncDeadlineMs;
  return {
    regions: nonEmptyList(flags.regions, '--regions', 'region names such as eu-west-1,us-east-1, or leave it out for every enabled region'),
    services: nonEmptyList(flags.services, '--services', 'service names such as iam,s3,ec2, or leave it out for all'),
    accounts: nonEmptyList(flags.accounts, '--accounts', '12-digit account ids'),
    profile: flags.profile,
    roleName: flags.roleName,
    externalId: flags.externalId,
    organization: flags.organization,
    concurrency,
    maxInFlight,
    endpoint: flags.endpointUrl,
    timeouts: { connectMs, requestMs },
    deadlineMs,
  };
}

/**
 * "a,b, c" → ['a','b','c']. Given but empty (",,,", " ") is an error: read as "none given" it would silently mean
 * every region (or service), the opposite of a narrowed run.
 */
export function nonEmptyList(value: string | undefined, flag: string, what: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`${flag} '${value}' names nothing: give ${what}`);
  return items;
}

/** Seconds ("30", "0.5") or a number with s, m or h ("90s", "20m", "2h"); undefined when not set. */
export function duration(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m?.[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  const ms = m ? Math.round(Number(m[1]) * unit) : NaN;
  if (!(ms > 0) || ms > 7 * 24 * 3_600_000) {
    throw new UsageError(`${name} must be a duration such as 30 (seconds), 90s, 20m or 2h, greater than 0 and at most a week; not '${value}'`);
  }
  return ms;
}
