import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const trail = (name: string, logging: boolean | null, insights: boolean | null) => ({
  arn: `arn:aws:cloudtrail:us-east-1:111111111111:trail/${name}`, name, is_logging: logging, has_insight_selectors: insights,
});

describe('cloudtrail_trail_insights_enabled', () => {
  it('fails a logging trail without Insights, and one whose setting is unknown (fail closed)', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('plain', true, false), trail('unknown', true, null), trail('watched', true, true)]);
    const rows = await checkFindings(db, 'cloudtrail_trail_insights_enabled');
    expect(rows.map((r) => [r.trail_name, r.reason])).toEqual([
      ['plain', 'Trail plain is logging without CloudTrail Insights'],
      ['unknown', 'Whether Insights is enabled on trail unknown is unknown: sync again'],
    ]);
  });

  it('passes a trail with Insights and leaves out a trail whose logging is stopped', async () => {
    await seed(db, 'aws_cloudtrail_trails', [trail('watched', true, true), trail('stopped', false, false)]);
    expect(await checkFindings(db, 'cloudtrail_trail_insights_enabled')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'cloudtrail_trail_insights_enabled')).toEqual([]);
  });
});
