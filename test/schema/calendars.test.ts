import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eksCalendar, fargateCalendar, lambdaCalendar } from '../../schema/calendars.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

describe('AWS calendars (schema/calendars)', () => {
  it('names its AWS page and the day it was copied, for every calendar', () => {
    for (const cal of [eksCalendar, lambdaCalendar, fargateCalendar]) {
      expect(cal.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(cal.copied_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('exposes each calendar as a view with one row per entry, keyed once', async () => {
    const count = async (sql: string) => Number((await db.all(sql))[0]!.n);
    expect(await count('SELECT count(DISTINCT version) AS n FROM calabi_eks_version_calendar')).toBe(eksCalendar.versions.length);
    expect(await count('SELECT count(DISTINCT runtime) AS n FROM calabi_lambda_runtime_calendar')).toBe(lambdaCalendar.runtimes.length);
    expect(await count('SELECT count(DISTINCT family) AS n FROM calabi_fargate_platform_calendar')).toBe(fargateCalendar.families.length);
  });

  it('dates how long a copy vouches for a verdict from its copy day', async () => {
    expect(await db.all("SELECT strftime(copied_on, '%Y-%m-%d') AS copied, strftime(trusted_until, '%Y-%m-%d') AS trusted FROM calabi_lambda_runtime_calendar LIMIT 1")).toEqual([
      { copied: lambdaCalendar.copied_on, trusted: new Date(Date.parse(lambdaCalendar.copied_on) + 180 * 86_400_000).toISOString().slice(0, 10) },
    ]);
    expect(await db.all('SELECT DISTINCT trusted_until FROM calabi_eks_version_calendar')).toEqual([{ trusted_until: null }]);
  });
});
