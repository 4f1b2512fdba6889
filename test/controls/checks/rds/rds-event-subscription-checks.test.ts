import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

// FSBP RDS.19–22 read the same subscriptions, one source type and category set each (docs/fsbp.md).
const acct = '111111111111';
let db: Database;
beforeEach(async () => {
  db = await memoryDb();
  await seed(db, 'aws_regions', ['us-east-1', 'eu-west-1'].map((region) => ({ account_id: acct, region, partition: 'aws', opt_in_status: 'opt-in-not-required' })));
});
const sub = (name: string, source_type: string | null, event_categories: string[], extra: { enabled?: boolean; status?: string; region?: string } = {}) => ({
  arn: `arn:aws:rds:${extra.region ?? 'us-east-1'}:${acct}:es:${name}`, name, source_type, event_categories, source_ids: [],
  enabled: extra.enabled ?? true, status: extra.status ?? 'active', region: extra.region ?? 'us-east-1',
});
const regionArn = (region: string) => `arn:aws:rds:${region}:${acct}`;

describe('rds_cluster_event_subscription_critical (RDS.19)', () => {
  const id = 'rds_cluster_event_subscription_critical';
  it('fails a region whose cluster subscriptions miss a required category or are disabled', async () => {
    await seed(db, 'aws_rds_event_subscriptions', [sub('only-maint', 'db-cluster', ['maintenance']), sub('off', 'db-cluster', ['maintenance', 'failure'], { enabled: false })]);
    expect((await checkFindings(db, id)).map((r) => [r.resource_id, r.reason])).toEqual([
      [regionArn('us-east-1'), 'No enabled db-cluster event subscription in us-east-1 sends maintenance, failure events (found: off (db-cluster: maintenance, failure, disabled, active); only-maint (db-cluster: maintenance, active))'],
    ]);
  });
  it('fails a subscription whose SNS topic is gone', async () => {
    await seed(db, 'aws_rds_event_subscriptions', [sub('lost', 'db-cluster', [], { status: 'topic-not-exist' })]);
    expect((await checkFindings(db, id)).map((r) => r.region)).toEqual(['us-east-1']);
  });
  it('passes a region with one enabled cluster subscription covering the categories, all categories, or no subscription for clusters', async () => {
    await seed(db, 'aws_rds_event_subscriptions', [
      sub('critical', 'db-cluster', ['Maintenance', 'failure', 'deletion']), sub('partial', 'db-cluster', ['backup']),
      sub('all', 'db-cluster', [], { region: 'eu-west-1' }),
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
    // Only instance subscriptions: no existing cluster subscription to judge.
    const db2 = await memoryDb();
    await seed(db2, 'aws_regions', [{ account_id: acct, region: 'us-east-1', partition: 'aws' }]);
    await seed(db2, 'aws_rds_event_subscriptions', [sub('instances', 'db-instance', ['backup'])]);
    expect(await checkFindings(db2, id)).toEqual([]);
    db2.close();
  });
  it('counts a subscription without a source type as one for clusters', async () => {
    await seed(db, 'aws_rds_event_subscriptions', [sub('everything', null, ['backup'])]);
    expect((await checkFindings(db, id)).map((r) => r.region)).toEqual(['us-east-1']);
    await seed(db, 'aws_rds_event_subscriptions', [sub('everything-all', null, [])]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('rds_instance_event_subscription_critical (RDS.20)', () => {
  const id = 'rds_instance_event_subscription_critical';
  it('fails a region whose instance subscriptions miss configuration change', async () => {
    await seed(db, 'aws_rds_event_subscriptions', [sub('inst', 'db-instance', ['maintenance', 'failure'])]);
    expect((await checkFindings(db, id)).map((r) => r.resource_id)).toEqual([regionArn('us-east-1')]);
  });
  it('passes an instance subscription with maintenance, configuration change and failure', async () => {
    await seed(db, 'aws_rds_event_subscriptions', [sub('inst', 'db-instance', ['failure', 'configuration change', 'maintenance'])]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('rds_parameter_group_event_subscription (RDS.21)', () => {
  const id = 'rds_parameter_group_event_subscription';
  it('fails a region with subscriptions but none for parameter group configuration changes', async () => {
    await seed(db, 'aws_rds_event_subscriptions', [sub('inst', 'db-instance', []), sub('pg-off', 'db-parameter-group', [], { enabled: false })]);
    expect((await checkFindings(db, id)).map((r) => [r.resource_id, r.reason])).toEqual([
      [regionArn('us-east-1'), 'RDS event subscriptions exist in us-east-1 but none sends db-parameter-group configuration change events (found: inst (db-instance: all categories, active); pg-off (db-parameter-group: all categories, disabled, active))'],
    ]);
  });
  it('passes a parameter group subscription with configuration change, and a region without any subscription', async () => {
    await seed(db, 'aws_rds_event_subscriptions', [sub('pg', 'db-parameter-group', ['configuration change'])]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('rds_security_group_event_subscription (RDS.22)', () => {
  const id = 'rds_security_group_event_subscription';
  it('fails a region whose security group subscription misses failure', async () => {
    await seed(db, 'aws_rds_event_subscriptions', [sub('sg', 'db-security-group', ['configuration change'])]);
    expect((await checkFindings(db, id)).map((r) => r.resource_id)).toEqual([regionArn('us-east-1')]);
  });
  it('passes a security group subscription with configuration change and failure', async () => {
    await seed(db, 'aws_rds_event_subscriptions', [sub('sg', 'db-security-group', ['failure', 'configuration change']), sub('inst', 'db-instance', ['backup'])]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
