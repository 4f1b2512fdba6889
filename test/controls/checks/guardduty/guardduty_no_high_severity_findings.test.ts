import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const counts = (id: string, c: { critical?: number | null; high?: number | null; medium?: number; low?: number }, latest: Date | null = null) => ({
  detector_arn: `arn:aws:guardduty:us-east-1:111111111111:detector/${id}`, detector_id: id, critical: 0, high: 0, medium: 0, low: 0, ...c, latest_high_or_critical_at: latest,
});
const check = 'guardduty_no_high_severity_findings';

describe(check, () => {
  it('fails a detector with current High or Critical findings, saying how many and when the newest came', async () => {
    await seed(db, 'aws_guardduty_finding_counts', [
      counts('high', { high: 2 }, new Date('2026-11-25T08:30:00Z')),
      counts('critical', { critical: 1 }, new Date('2026-11-20T00:00:00Z')),
      counts('quiet', { medium: 5, low: 9 }),
    ]);
    expect((await checkFindings(db, check)).map((r) => [r.detector_id, r.reason])).toEqual([
      ['critical', 'GuardDuty detector critical holds 1 current High or Critical finding(s) (1 critical, 0 high), the newest generated 2026-11-20 00:00 UTC'],
      ['high', 'GuardDuty detector high holds 2 current High or Critical finding(s) (0 critical, 2 high), the newest generated 2026-11-25 08:30 UTC'],
    ]);
  });

  it('fails a detector whose counts were not read (fail closed)', async () => {
    await seed(db, 'aws_guardduty_finding_counts', [counts('unread', { critical: null, high: null })]);
    expect((await checkFindings(db, check)).map((r) => r.reason)).toEqual([
      'The finding counts of GuardDuty detector unread were not read: they cannot be shown to hold no High finding (sync again)',
    ]);
  });

  it('passes a detector with only Medium and Low findings', async () => {
    await seed(db, 'aws_guardduty_finding_counts', [counts('quiet', { medium: 5, low: 9 })]);
    expect(await checkFindings(db, check)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, check)).toEqual([]);
  });
});
