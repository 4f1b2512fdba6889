import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

// Judged against schema/calendars/lambda-runtimes.json (copied on 2026-12-01, trusted for 180 days): python3.10
// is deprecated on 2026-10-31, python3.13 on 2029-06-30; python3.9 was deprecated before the copy.
const id = 'lambda_function_supported_runtime';
const fn = (name: string, runtime: string | null, day = '2026-12-01', extra: Row = {}): Row => ({
  arn: `arn:aws:lambda:us-east-1:111111111111:function:${name}`, function_name: name, runtime, package_type: 'Zip',
  synced_at: new Date(`${day}T12:00:00Z`), ...extra,
});
const reasons = async () => (await checkFindings(db, id)).map((r) => [r.function_name, r.reason]);

describe('lambda_function_supported_runtime (Lambda.2)', () => {
  it('fails runtimes deprecated before the copy and on or before the day of the sync', async () => {
    await seed(db, 'aws_lambda_functions', [fn('a-old', 'python3.9'), fn('b-lapsed', 'python3.10', '2026-10-31'), fn('c-fine', 'python3.10', '2026-10-30')]);
    expect(await reasons()).toEqual([
      ['a-old', 'Lambda function a-old uses runtime python3.9, which Lambda deprecated before 2026-12-01'],
      ['b-lapsed', 'Lambda function b-lapsed uses runtime python3.10, which Lambda deprecated on 2026-10-31'],
    ]);
  });
  it('fails a runtime the calendar does not list, asking to update Calabi, and a runtime not reported', async () => {
    await seed(db, 'aws_lambda_functions', [fn('a-new', 'python3.99'), fn('b-none', null)]);
    expect(await reasons()).toEqual([
      ['a-new', "Lambda function a-new uses runtime python3.99, which Calabi's copy of the Lambda runtime calendar (copied on 2026-12-01) does not list; update Calabi to judge it"],
      ['b-none', 'The runtime of Lambda function b-none was not reported'],
    ]);
  });
  it('fails a supported runtime once the copy is older than the 180 days Lambda announces deprecations ahead', async () => {
    await seed(db, 'aws_lambda_functions', [fn('a-late', 'python3.13', '2027-06-01'), fn('b-in-time', 'python3.13', '2027-05-30')]);
    expect(await reasons()).toEqual([
      ['a-late', "Lambda function a-late uses runtime python3.13, supported until 2029-06-30 by Calabi's copy of the Lambda runtime calendar, but that copy (copied on 2026-12-01) is too old to vouch for it on 2027-06-01; update Calabi"],
    ]);
  });
  it('passes supported runtimes and leaves container images out', async () => {
    await seed(db, 'aws_lambda_functions', [fn('a', 'python3.13'), fn('b', 'nodejs22.x'), fn('img', null, '2026-12-01', { package_type: 'Image' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
