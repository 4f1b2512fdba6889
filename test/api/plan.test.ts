import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Catalog } from '../../controls/loader.js';
import type { RemediationPlan } from '../../reports/remediation-plan.js';
import type { Database } from '../../schema/db.js';
import { memoryDb } from '../support/db.js';
import { seedScans, writeTestCatalog } from './fixture.js';

/** GET /api/plan on the API fixture: after the second scan only 1.2 (every bucket has a policy, critical) fails. */
let db: Database;
let catalog: Catalog;
let cleanup: () => void;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ({ catalog, cleanup } = writeTestCatalog());
  db = await memoryDb();
  await seedScans(db, catalog);
  app = createApp({ db, catalog, onUnexpectedError: (e) => { throw e; } });
});
afterAll(() => {
  app?.close();
  db?.close();
  cleanup?.();
});

describe('GET /api/plan', () => {
  it('answers the plan with the failing check, its steps and resources, and the score it projects', async () => {
    const res = await app.request('/api/plan?benchmark=api-test');
    expect(res.status).toBe(200);
    const plan = (await res.json()) as RemediationPlan;
    expect(plan.frameworks).toMatchObject([{ benchmark_id: 'api-test', score: 50, pass: 1, fail: 1 }]);
    expect(plan.phases).toHaveLength(1);
    const [item] = plan.phases[0]!.items;
    expect(item).toMatchObject({
      rank: 1, id: 'apitest_bucket_has_policy', severity: 'critical', gain: 8, resource_count: 2,
      remediation: ['First step for apitest_bucket_has_policy.', 'Second step for apitest_bucket_has_policy.'],
      fixes: [{ benchmark_id: 'api-test', id: '1.2', severity: 'critical', becomes: 'PASS' }],
    });
    expect(item!.resources.map((r) => r.resource_id)).toEqual(['arn:aws:s3:::acme-logs', 'arn:aws:s3:::acme-tmp']);
    expect(plan.phases[0]!.projected).toEqual([{ benchmark_id: 'api-test', score: 100, pass: 2, fail: 0, error: 0, excepted: 0 }]);
  });

  it('answers 404 for an unknown benchmark and for a framework without a scan', async () => {
    expect((await app.request('/api/plan?benchmark=nope')).status).toBe(404);
    const res = await app.request('/api/plan?benchmark=api-test&frameworks=cis-aws-7.0');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toContain('calabi evaluate cis-aws-7.0');
  });

  it('answers 400 without a benchmark', async () => {
    expect((await app.request('/api/plan')).status).toBe(400);
  });
});
