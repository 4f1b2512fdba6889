/**
 * The two limits of an evaluation, each set by a flag (evaluate, scan, run) or an environment variable (read
 * here, so scheduled runs under `serve` honour it too), else a default:
 *
 * - check timeout: a check still running after this long is interrupted and its requirements are ERROR
 *   (`--check-timeout`, CALABI_CHECK_TIMEOUT; seconds, or a number with a unit: 500ms, 90s, 5m; default 60 s);
 * - maximum data age: data collected longer ago than this is in doubt and the requirements reading it are
 *   ERROR (`--max-data-age`, CALABI_MAX_DATA_AGE; days, or a number with a unit: 12h, 7d, 2w; default 7 days).
 *   `0` turns the age rule off (re-evaluating an archived inventory on purpose).
 */
export interface EvaluationLimits {
  checkTimeoutMs: number;
  /** 0: no maximum. */
  maxDataAgeMs: number;
}

export const defaultCheckTimeoutMs = 60_000;
export const defaultMaxDataAgeMs = 7 * 86_400_000;

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** A bad value: the CLI turns it into a usage error (exit 2). */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}

/** A duration: a bare number counts in `bareUnit`; otherwise a number followed by ms, s, m, h, d or w. */
export function parseDuration(text: string, bareUnit: 's' | 'd', what: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/i.exec(text);
  if (!m) throw new LimitError(`${what} must be a number of ${bareUnit === 's' ? 'seconds' : 'days'} or a number with a unit (ms, s, m, h, d, w), e.g. ${bareUnit === 's' ? '90s or 5m' : '12h or 7d'}; not '${text}'`);
  return Math.round(Number(m[1]) * units[(m[2] ?? bareUnit).toLowerCase()]!);
}

/** The limits from flags (when given), else the environment, else the defaults. */
export function resolveLimits(
  flags: { checkTimeout?: string; maxDataAge?: string } = {},
  env: Record<string, string | undefined> = process.env,
): EvaluationLimits {
  const timeoutText = flags.checkTimeout ?? env.CALABI_CHECK_TIMEOUT;
  const ageText = flags.maxDataAge ?? env.CALABI_MAX_DATA_AGE;
  const timeoutWhat = flags.checkTimeout !== undefined ? '--check-timeout' : 'CALABI_CHECK_TIMEOUT';
  const checkTimeoutMs = timeoutText ? parseDuration(timeoutText, 's', timeoutWhat) : defaultCheckTimeoutMs;
  if (checkTimeoutMs <= 0) throw new LimitError(`${timeoutWhat} must be more than 0`);
  const maxDataAgeMs = ageText ? parseDuration(ageText, 'd', flags.maxDataAge !== undefined ? '--max-data-age' : 'CALABI_MAX_DATA_AGE') : defaultMaxDataAgeMs;
  return { checkTimeoutMs, maxDataAgeMs };
}

/** "7 days", "12 hours", "90 s": for reasons and messages. */
export function describeDuration(ms: number): string {
  const pick = (n: number, unit: string) => `${Number.isInteger(n) ? n : n.toFixed(1)} ${unit}${n === 1 ? '' : 's'}`;
  if (ms >= 86_400_000) return pick(ms / 86_400_000, 'day');
  if (ms >= 3_600_000) return pick(ms / 3_600_000, 'hour');
  if (ms >= 60_000) return pick(ms / 60_000, 'minute');
  if (ms >= 1000) return pick(ms / 1000, 'second');
  return `${ms} ms`;
}
