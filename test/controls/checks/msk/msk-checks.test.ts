import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const cluster = (name: string, extra: Row = {}): Row => ({
  arn: `arn:aws:kafka:us-east-1:111111111111:cluster/${name}/1`, name, cluster_type: 'PROVISIONED', state: 'ACTIVE',
  in_cluster_encryption: true, client_broker_encryption: 'TLS', enhanced_monitoring: 'PER_TOPIC_PER_BROKER', ...extra,
});
// Serverless clusters carry none of the provisioned settings: always TLS, no monitoring levels.
const serverless = cluster('events', { arn: 'arn:aws:kafka:us-east-1:111111111111:serverless-cluster/events/1', cluster_type: 'SERVERLESS', in_cluster_encryption: null, client_broker_encryption: null, enhanced_monitoring: null });

interface Case { id: string; failing: [string, Row, string][]; passing: Row[] }

const cases: Case[] = [
  { id: 'msk_cluster_in_cluster_encryption',
    failing: [
      ['plain', { in_cluster_encryption: false }, 'MSK cluster plain sends data between its brokers in plaintext'],
      ['unknown', { in_cluster_encryption: null }, 'MSK cluster unknown did not report its encryption between brokers'],
    ],
    // MSK.1 judges broker-to-broker traffic; client-broker plaintext is another setting.
    passing: [cluster('tls'), cluster('mixed-clients', { client_broker_encryption: 'TLS_PLAINTEXT' }), serverless] },
  { id: 'msk_cluster_enhanced_monitoring',
    failing: [
      ['basic', { enhanced_monitoring: 'DEFAULT' }, 'MSK cluster basic has monitoring level DEFAULT (PER_TOPIC_PER_BROKER or finer is asked)'],
      ['broker', { enhanced_monitoring: 'PER_BROKER' }, 'MSK cluster broker has monitoring level PER_BROKER (PER_TOPIC_PER_BROKER or finer is asked)'],
      ['unknown', { enhanced_monitoring: null }, 'MSK cluster unknown did not report its monitoring level'],
    ],
    passing: [cluster('topics'), cluster('partitions', { enhanced_monitoring: 'PER_TOPIC_PER_PARTITION' }), serverless] },
];

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the clusters that break it, with the reason, and only those', async () => {
    await seed(db, 'aws_msk_clusters', [...c.failing.map(([name, extra]) => cluster(name, extra)), ...c.passing]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.cluster_name, r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]));
    expect(found[0]!.resource_id).toBe(cluster(c.failing[0]![0]).arn);
  });
  it('passes clusters configured as it asks, and serverless clusters', async () => {
    await seed(db, 'aws_msk_clusters', c.passing);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
