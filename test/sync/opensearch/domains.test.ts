import { CreateElasticsearchDomainCommand, ElasticsearchServiceClient } from '@aws-sdk/client-elasticsearch-service';
import { CreateDomainCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
/** The DomainNames of every DescribeDomains call the sync made. */
const describeBatches: string[][] = [];

function recordBatches(client: unknown, service: string): void {
  if (service !== 'OpenSearch') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: { input: Record<string, unknown> }) => {
        if (context.commandName === 'DescribeDomainsCommand') describeBatches.push(args.input.DomainNames as string[]);
        return next(args);
      },
    { step: 'initialize', name: 'recordBatches' },
  );
}
const account = '123456789012';
const logGroup = `arn:aws:logs:us-east-1:${account}:log-group:/aws/opensearch/secure`;

beforeAll(async () => {
  moto = await startMoto();
  const os = new OpenSearchClient(motoClientConfig(moto, 'us-east-1'));
  await os.send(new CreateDomainCommand({
    DomainName: 'secure', EngineVersion: 'OpenSearch_2.11',
    ClusterConfig: { InstanceCount: 3, ZoneAwarenessEnabled: true, DedicatedMasterEnabled: true, DedicatedMasterCount: 3 },
    VPCOptions: { SubnetIds: ['subnet-1'] },
    EncryptionAtRestOptions: { Enabled: true, KmsKeyId: 'key-1' },
    NodeToNodeEncryptionOptions: { Enabled: true },
    DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
    AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: true },
    LogPublishingOptions: {
      AUDIT_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: logGroup },
      ES_APPLICATION_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: logGroup },
    },
  }));
  // Seven domains: the DescribeDomains batches of five must cover them all.
  for (let i = 0; i < 6; i++) await os.send(new CreateDomainCommand({ DomainName: `plain-${i}`, EngineVersion: 'OpenSearch_2.11' }));
  const es = new ElasticsearchServiceClient(motoClientConfig(moto, 'us-east-1'));
  await es.send(new CreateElasticsearchDomainCommand({ DomainName: 'legacy', ElasticsearchVersion: '7.10' }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['opensearch'], regions: ['us-east-1', 'eu-west-1'], configureClient: recordBatches });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('opensearch domains collector', () => {
  it('writes every domain of both engines, described in batches of five', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, name, engine_type FROM aws_opensearch_domains ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(['legacy', 'plain-0', 'plain-1', 'plain-2', 'plain-3', 'plain-4', 'plain-5', 'secure']);
    expect(rows.find((r) => r.name === 'legacy')).toEqual({ region: 'us-east-1', name: 'legacy', engine_type: 'Elasticsearch' });
    // Eight domains in us-east-1 are two DescribeDomains calls (5 + 3); eu-west-1 has none, so no call.
    expect(describeBatches.map((b) => b.length).sort()).toEqual([3, 5]);
    const scopes = await db.all("SELECT region, status FROM sync_scopes WHERE table_name = 'aws_opensearch_domains' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });

  it('reads encryption, HTTPS and TLS policy, VPC, fine-grained access, logs and the cluster shape', async () => {
    const cols = `arn, engine_type, subnet_ids, encryption_at_rest_enabled, node_to_node_encryption_enabled, enforce_https, tls_security_policy,
      fine_grained_access_control_enabled, audit_log_enabled, error_log_enabled, instance_count, zone_awareness_enabled,
      dedicated_master_enabled, dedicated_master_count`;
    const rows = await db.all(`SELECT ${cols} FROM aws_opensearch_domains WHERE name IN ('secure', 'plain-0') ORDER BY name`);
    expect(rows).toEqual([
      {
        arn: `arn:aws:es:us-east-1:${account}:domain/plain-0`, engine_type: 'OpenSearch', subnet_ids: null,
        encryption_at_rest_enabled: false, node_to_node_encryption_enabled: false, enforce_https: false,
        tls_security_policy: 'Policy-Min-TLS-1-0-2019-07', fine_grained_access_control_enabled: false,
        audit_log_enabled: false, error_log_enabled: false, instance_count: 1, zone_awareness_enabled: false,
        dedicated_master_enabled: false, dedicated_master_count: null,
      },
      {
        arn: `arn:aws:es:us-east-1:${account}:domain/secure`, engine_type: 'OpenSearch', subnet_ids: ['subnet-1'],
        encryption_at_rest_enabled: true, node_to_node_encryption_enabled: true, enforce_https: true,
        tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10', fine_grained_access_control_enabled: true,
        audit_log_enabled: true, error_log_enabled: true, instance_count: 3, zone_awareness_enabled: true,
        dedicated_master_enabled: true, dedicated_master_count: 3,
      },
    ]);
  });
});
