import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

const arn = (kind: string, id: string) => `arn:aws:rds:us-east-1:111111111111:${kind}:${id}`;
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

describe('rds_instance_multi_az', () => {
  const id = 'rds_instance_multi_az';
  it('fails a standalone single-AZ instance and one whose flag is unknown', async () => {
    await seed(db, 'aws_rds_db_instances', [
      { arn: arn('db', 'solo'), db_instance_identifier: 'solo', multi_az: false, availability_zone: 'us-east-1b' },
      { arn: arn('db', 'odd'), db_instance_identifier: 'odd', multi_az: null },
    ]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.reason])).toEqual([
      [arn('db', 'odd'), expect.stringContaining('did not report')],
      [arn('db', 'solo'), expect.stringContaining('single availability zone (us-east-1b)')],
    ]);
  });

  it('passes a Multi-AZ instance and leaves cluster members to the cluster check', async () => {
    await seed(db, 'aws_rds_db_instances', [
      { arn: arn('db', 'ha'), db_instance_identifier: 'ha', multi_az: true },
      { arn: arn('db', 'orders-1'), db_instance_identifier: 'orders-1', multi_az: false, db_cluster_identifier: 'orders' },
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('rds_cluster_multi_az', () => {
  const id = 'rds_cluster_multi_az';
  it('fails a cluster whose instances sit in one zone, naming the zones, and one with no instances', async () => {
    await seed(db, 'aws_rds_db_clusters', [
      { arn: arn('cluster', 'reports'), db_cluster_identifier: 'reports', multi_az: false, member_instance_ids: ['reports-1', 'reports-2'] },
      { arn: arn('cluster', 'empty'), db_cluster_identifier: 'empty', multi_az: false, member_instance_ids: [] },
    ]);
    await seed(db, 'aws_rds_db_instances', [
      { arn: arn('db', 'reports-1'), db_cluster_identifier: 'reports', availability_zone: 'us-east-1a' },
      { arn: arn('db', 'reports-2'), db_cluster_identifier: 'reports', availability_zone: 'us-east-1a' },
    ]);
    const rows = await checkFindings(db, id);
    expect(rows.map((r) => [r.resource_id, r.reason, r.member_zones])).toEqual([
      [arn('cluster', 'empty'), expect.stringContaining('no DB instances'), null],
      [arn('cluster', 'reports'), expect.stringContaining('single availability zone'), ['us-east-1a']],
    ]);
  });

  it('passes a cluster that AWS reports as Multi-AZ', async () => {
    await seed(db, 'aws_rds_db_clusters', [{ arn: arn('cluster', 'orders'), db_cluster_identifier: 'orders', multi_az: true, member_instance_ids: ['orders-1', 'orders-2'] }]);
    expect(await checkFindings(db, id)).toEqual([]);
  });

  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
