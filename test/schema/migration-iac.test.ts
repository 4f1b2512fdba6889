import { describe, expect, it } from 'vitest';
import { insertScan } from '../../controls/store.js';
import { memoryDb } from '../support/db.js';

describe('migration 50: scans record their source', () => {
  it("marks a scan the engine starts as a live one ('aws') and keeps the IaC columns empty on it", async () => {
    const db = await memoryDb();
    try {
      await insertScan(db, { id: 's1', benchmark: { id: 'b', title: 'B', version: '1' }, startedAt: new Date(), trigger: 'cli', syncRunId: null, evaluationId: 'e1' });
      expect(await db.all('SELECT source, not_verifiable, verifiable_score, overall_score FROM scans')).toEqual([
        { source: 'aws', not_verifiable: null, verifiable_score: null, overall_score: null },
      ]);
      expect(await db.all(`SELECT column_name FROM duckdb_columns() WHERE table_name = 'not_verifiable_resources' ORDER BY column_index`)).toEqual(
        ['scan_id', 'control_id', 'resource_id', 'reason', 'terraform_addresses'].map((column_name) => ({ column_name })),
      );
      expect((await db.all<{ version: number }>('SELECT version FROM schema_migrations WHERE version BETWEEN 50 AND 59')).map((r) => r.version)).toEqual([50]);
    } finally {
      db.close();
    }
  });
});
