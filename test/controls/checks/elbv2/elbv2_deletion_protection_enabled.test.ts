import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const lb = (name: string, protection: boolean | null) => ({
  arn: `arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/${name}/1`, name, type: 'application', deletion_protection_enabled: protection,
});

describe('elbv2_deletion_protection_enabled', () => {
  it('fails a load balancer without deletion protection, and one whose attributes were not read (fail closed)', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [lb('open', false), lb('unread', null), lb('guarded', true)]);
    const rows = await checkFindings(db, 'elbv2_deletion_protection_enabled');
    expect(rows.map((r) => [r.load_balancer, r.reason])).toEqual([
      ['open', 'Deletion protection is off for load balancer open'],
      ['unread', 'The attributes of load balancer unread could not be read: deletion protection cannot be shown (sync again)'],
    ]);
  });

  it('passes a load balancer with deletion protection', async () => {
    await seed(db, 'aws_elbv2_load_balancers', [lb('guarded', true)]);
    expect(await checkFindings(db, 'elbv2_deletion_protection_enabled')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'elbv2_deletion_protection_enabled')).toEqual([]);
  });
});
