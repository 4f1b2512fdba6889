import { CreateEventSubscriptionCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';

beforeAll(async () => {
  moto = await startMoto();
  const topic = await new SNSClient(motoClientConfig(moto, 'us-east-1')).send(new CreateTopicCommand({ Name: 'rds-events' }));
  const rds = new RDSClient(motoClientConfig(moto, 'us-east-1'));
  // Enabled is passed explicitly: AWS defaults it to true, moto to false.
  await rds.send(new CreateEventSubscriptionCommand({ SubscriptionName: 'clusters', SnsTopicArn: topic.TopicArn, SourceType: 'db-cluster', EventCategories: ['maintenance', 'failure'], Enabled: true }));
  await rds.send(new CreateEventSubscriptionCommand({ SubscriptionName: 'instances', SnsTopicArn: topic.TopicArn, SourceType: 'db-instance', EventCategories: ['backup'], SourceIds: ['db-1'], Enabled: true }));
  await rds.send(new CreateEventSubscriptionCommand({ SubscriptionName: 'params-off', SnsTopicArn: topic.TopicArn, SourceType: 'db-parameter-group', Enabled: false }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['rds'], regions: ['us-east-1', 'eu-west-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('RDS event subscriptions collector', () => {
  it('writes each subscription with its source type, categories, sources and whether it is enabled', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, arn, name, source_type, event_categories, source_ids, enabled, status FROM aws_rds_event_subscriptions ORDER BY name');
    expect(rows).toEqual([
      { region: 'us-east-1', arn: `arn:aws:rds:us-east-1:${account}:es:clusters`, name: 'clusters', source_type: 'db-cluster', event_categories: ['maintenance', 'failure'], source_ids: [], enabled: true, status: 'active' },
      { region: 'us-east-1', arn: `arn:aws:rds:us-east-1:${account}:es:instances`, name: 'instances', source_type: 'db-instance', event_categories: ['backup'], source_ids: ['db-1'], enabled: true, status: 'active' },
      { region: 'us-east-1', arn: `arn:aws:rds:us-east-1:${account}:es:params-off`, name: 'params-off', source_type: 'db-parameter-group', event_categories: [], source_ids: [], enabled: false, status: 'active' },
    ]);
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_rds_event_subscriptions' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });

  it('decides FSBP RDS.19-22 on the synced rows', async () => {
    const regions = async (id: string) => (await checkFindings(db, id)).map((r) => r.region);
    expect(await regions('rds_cluster_event_subscription_critical')).toEqual([]);
    expect(await regions('rds_instance_event_subscription_critical')).toEqual(['us-east-1']);
    expect(await regions('rds_parameter_group_event_subscription')).toEqual(['us-east-1']);
    expect(await regions('rds_security_group_event_subscription')).toEqual(['us-east-1']);
  });
});
