import { CreateClusterCommand, KafkaClient } from '@aws-sdk/client-kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';
import { motoKafkaDates } from './moto-dates.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const brokers = { InstanceType: 'kafka.m5.large', ClientSubnets: ['subnet-1', 'subnet-2'] };

beforeAll(async () => {
  moto = await startMoto();
  const kafka = new KafkaClient(motoClientConfig(moto, 'us-east-1'));
  // CreateCluster (v1): moto's CreateClusterV2 ignores the encryption and monitoring settings.
  await kafka.send(new CreateClusterCommand({
    ClusterName: 'orders', KafkaVersion: '3.6.0', NumberOfBrokerNodes: 2, BrokerNodeGroupInfo: brokers,
    EncryptionInfo: { EncryptionInTransit: { InCluster: true, ClientBroker: 'TLS' } }, EnhancedMonitoring: 'PER_TOPIC_PER_BROKER',
  }));
  await kafka.send(new CreateClusterCommand({
    ClusterName: 'legacy', KafkaVersion: '2.8.1', NumberOfBrokerNodes: 2, BrokerNodeGroupInfo: brokers,
    EncryptionInfo: { EncryptionInTransit: { InCluster: false, ClientBroker: 'PLAINTEXT' } }, EnhancedMonitoring: 'DEFAULT',
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['msk'], regions: ['us-east-1'], configureClient: motoKafkaDates });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('MSK clusters collector', () => {
  it('writes each cluster with its encryption in transit and monitoring level', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      `SELECT name, cluster_type, in_cluster_encryption, client_broker_encryption, enhanced_monitoring, kafka_version,
              arn LIKE 'arn:aws:kafka:us-east-1:123456789012:cluster/%' AS arn_ok FROM aws_msk_clusters ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: 'legacy', cluster_type: 'PROVISIONED', in_cluster_encryption: false, client_broker_encryption: 'PLAINTEXT', enhanced_monitoring: 'DEFAULT', kafka_version: '2.8.1', arn_ok: true },
      { name: 'orders', cluster_type: 'PROVISIONED', in_cluster_encryption: true, client_broker_encryption: 'TLS', enhanced_monitoring: 'PER_TOPIC_PER_BROKER', kafka_version: '3.6.0', arn_ok: true },
    ]);
  });

  it('fails the legacy cluster under FSBP MSK.1 and MSK.2 on the synced rows', async () => {
    expect((await checkFindings(db, 'msk_cluster_in_cluster_encryption')).map((r) => r.cluster_name)).toEqual(['legacy']);
    expect((await checkFindings(db, 'msk_cluster_enhanced_monitoring')).map((r) => r.cluster_name)).toEqual(['legacy']);
  });
});
