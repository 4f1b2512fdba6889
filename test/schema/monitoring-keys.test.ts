import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../schema/db.js';
import { monitoringRequirementKeys } from '../../schema/sql-objects.js';
import { monitoringRequirements } from '../../sync/monitoring/requirements/index.js';
import { memoryDb } from '../support/db.js';

let db: Database | undefined;
afterEach(() => db?.close());

describe('the CIS monitoring chain', () => {
  it('lists exactly the requirement keys the sync analyses filter patterns for, in CIS order', () => {
    expect(monitoringRequirementKeys).toEqual(monitoringRequirements.map((r) => r.key));
  });

  it('rejects a requirement key it does not know instead of answering with no failures', async () => {
    db = await memoryDb();
    await db.run("INSERT INTO aws_accounts (account_id, arn, partition, synced_at) VALUES ('111111111111', 'arn:aws:::111111111111', 'aws', now())");
    await expect(db.all("SELECT * FROM calabi_cis_monitoring_failures('root_usgae')")).rejects.toThrow(/unknown requirement 'root_usgae'/);
  });

  it('fails every synced account for each requirement when nothing is configured', async () => {
    db = await memoryDb();
    await db.run("INSERT INTO aws_accounts (account_id, arn, partition, synced_at) VALUES ('111111111111', 'arn:aws:::111111111111', 'aws', now())");
    const rows = await db.all<{ n: number }>('SELECT count(*) AS n FROM calabi_cis_monitoring_chain');
    expect(rows[0]!.n).toBe(monitoringRequirementKeys.length);
    const one = await db.all<{ resource_id: string; reason: string }>("SELECT resource_id, reason FROM calabi_cis_monitoring_failures('root_usage')");
    expect(one).toEqual([{ resource_id: 'arn:aws:iam::111111111111:root', reason: 'No CloudTrail trail, so no API activity reaches CloudWatch Logs' }]);
  });
});
