import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { seed } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto?.stop();
});

describe('access analyzer sync', () => {
  // moto 5.2.1 does not implement Access Analyzer: every call answers HTTP 500. A real fault, not a canned one.
  it('records the failed ListAnalyzers, keeps the previous rows marked stale, and finishes the run', async () => {
    const db = await memoryDb();
    try {
      const previous = 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/from-last-week';
      await seed(db, 'aws_accessanalyzer_analyzers', [{ account_id: '123456789012', region: 'us-east-1', arn: previous, name: 'from-last-week', type: 'ACCOUNT', status: 'ACTIVE' }]);

      const result = await runSync({ db, services: ['accessanalyzer'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, maxAttempts: 2 });

      expect(result.status).toBe('partial');
      expect(result.errors).toEqual([
        expect.objectContaining({ accountId: '123456789012', region: 'us-east-1', service: 'accessanalyzer', table: 'aws_accessanalyzer_analyzers' }),
      ]);
      const errors = await db.all<{ service: string; region: string; message: string }>('SELECT service, region, message FROM sync_errors WHERE run_id = ?', [result.runId]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ service: 'accessanalyzer', region: 'us-east-1' });
      expect(errors[0]!.message).toMatch(/500|JSON|token/i);
      const scope = await db.one("SELECT status, stale FROM sync_scopes WHERE table_name = 'aws_accessanalyzer_analyzers' AND region = 'us-east-1'");
      expect(scope).toEqual({ status: 'error', stale: true });
      const kept = await db.all('SELECT arn FROM aws_accessanalyzer_analyzers');
      expect(kept).toEqual([{ arn: previous }]);
      const run = await db.one('SELECT status, error_count FROM sync_runs WHERE id = ?', [result.runId]);
      expect(run).toEqual({ status: 'partial', error_count: 1 });
    } finally {
      db.close();
    }
  }, 60_000);
});
