import { describe, expect, it } from 'vitest';
import { cronPattern, describeTiming, nextRunAfter, normaliseTiming, ScheduleSpecError } from '../../scheduler/spec.js';

const next = (input: Parameters<typeof normaliseTiming>[0], after: string, n = 1): string[] => {
  const t = normaliseTiming(input);
  const out: string[] = [];
  let from = new Date(after);
  for (let i = 0; i < n; i++) {
    from = nextRunAfter(t, from);
    out.push(from.toISOString());
  }
  return out;
};

describe('schedule timing', () => {
  it('keeps a daily 06:00 Europe/Berlin at 06:00 local across the spring and autumn clock changes', () => {
    expect(next({ frequency: 'daily', time_of_day: '06:00', timezone: 'Europe/Berlin' }, '2026-03-27T12:00:00Z', 3)).toEqual([
      '2026-03-28T05:00:00.000Z', '2026-03-29T04:00:00.000Z', '2026-03-30T04:00:00.000Z',
    ]);
    expect(next({ frequency: 'daily', time_of_day: '06:00', timezone: 'Europe/Berlin' }, '2026-10-24T12:00:00Z', 2)).toEqual([
      '2026-10-25T05:00:00.000Z', '2026-10-26T05:00:00.000Z',
    ]);
  });

  it('runs a 02:30 schedule once on the day 02:30 does not exist and once on the day it happens twice', () => {
    const t = { frequency: 'daily' as const, time_of_day: '02:30', timezone: 'Europe/Berlin' };
    // 29 March 2026: clocks jump 02:00 → 03:00; the run moves to the first valid instant, once.
    expect(next(t, '2026-03-28T12:00:00Z', 2)).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
    // 25 October 2026: 02:30 happens at 00:30Z and again at 01:30Z; only the first runs.
    expect(next(t, '2026-10-24T12:00:00Z', 2)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('runs weekly on the given weekday in its own time zone', () => {
    expect(next({ frequency: 'weekly', weekday: 'monday', time_of_day: '09:00', timezone: 'Asia/Tokyo' }, '2026-11-22T00:00:00Z', 2)).toEqual([
      '2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z',
    ]);
  });

  it('runs monthly on a day or on the last day of each month, following New York daylight saving', () => {
    expect(next({ frequency: 'monthly', day_of_month: 'last', time_of_day: '09:00', timezone: 'America/New_York' }, '2026-01-15T00:00:00Z', 3)).toEqual([
      '2026-01-31T14:00:00.000Z', '2026-02-28T14:00:00.000Z', '2026-03-31T13:00:00.000Z',
    ]);
    expect(next({ frequency: 'monthly', day_of_month: 15, time_of_day: '7:05', timezone: 'UTC' }, '2026-01-15T07:05:00Z', 1)).toEqual(['2026-02-15T07:05:00.000Z']);
  });

  it('refuses an unknown time zone, a weekly schedule without a weekday and a monthly day that some months lack', () => {
    expect(() => normaliseTiming({ frequency: 'daily', time_of_day: '06:00', timezone: 'Mars/Olympus' })).toThrow(/unknown time zone 'Mars\/Olympus'.*IANA/);
    expect(() => normaliseTiming({ frequency: 'weekly', time_of_day: '06:00' })).toThrow(ScheduleSpecError);
    expect(() => normaliseTiming({ frequency: 'monthly', day_of_month: 31, time_of_day: '06:00' })).toThrow(/1–28, or "last"/);
  });

  it('describes and encodes the timing', () => {
    const t = normaliseTiming({ frequency: 'weekly', weekday: 5, time_of_day: '18:15', timezone: 'UTC' });
    expect(cronPattern(t)).toBe('15 18 * * 5');
    expect(describeTiming(t)).toBe('weekly on Friday at 18:15 UTC');
  });
});
