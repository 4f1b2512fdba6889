import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

export interface RateLimit {
  /** Requests a client may make at once. */
  burst: number;
  /** Seconds to earn back one request. */
  refillSeconds: number;
}

/**
 * Expensive operations (Run now, exports) are limited per client address with a token bucket. Only requests that
 * succeed spend a token, so a refused or mistaken request costs nothing; a client without tokens gets 429 with
 * Retry-After. Buckets live in memory and are forgotten once full again.
 */
export function rateLimit(what: string, limit: RateLimit, now: () => number = () => Date.now()): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const level = (key: string) => {
    const b = buckets.get(key);
    if (!b) return limit.burst;
    return Math.min(limit.burst, b.tokens + (now() - b.at) / 1000 / limit.refillSeconds);
  };
  return async (c, next) => {
    const key = clientOf(c);
    const tokens = level(key);
    if (tokens < 1) {
      const wait = Math.ceil((1 - tokens) * limit.refillSeconds);
      c.header('Retry-After', String(wait));
      throw new ApiError({ status: 429, code: 'rate_limited', message: `too many ${what} from this client (${limit.burst} at once, then one every ${limit.refillSeconds} s); try again in ${wait} s` });
    }
    await next();
    if (c.res.status >= 200 && c.res.status < 300) {
      const left = level(key) - 1;
      buckets.set(key, { tokens: left, at: now() });
    }
    if (buckets.size > 10_000) for (const [k] of buckets) if (level(k) >= limit.burst) buckets.delete(k);
  };
}

/** The client's address as the socket saw it (a proxy in front makes every client one; see the README). */
function clientOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

export const defaultLimits = {
  /** Run now: 5 at once, then one every 12 s (5 a minute). */
  scans: { burst: 5, refillSeconds: 12 },
  /** Exports: 10 at once, then one every 6 s (10 a minute); an XLSX of a large scan takes hundreds of MB. */
  exports: { burst: 10, refillSeconds: 6 },
} as const satisfies Record<string, RateLimit>;
