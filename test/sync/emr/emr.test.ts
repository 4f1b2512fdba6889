import { EMRClient, PutBlockPublicAccessConfigurationCommand, RunJobFlowCommand, TerminateJobFlowsCommand } from '@aws-sdk/client-emr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;

const cluster = (name: string) => new RunJobFlowCommand({
  Name: name, ReleaseLabel: 'emr-7.2.0', JobFlowRole: 'EMR_EC2_DefaultRole', ServiceRole: 'EMR_DefaultRole',
  Instances: {
    KeepJobFlowAliveWhenNoSteps: true,
    InstanceGroups: [
      { Name: 'primary', InstanceRole: 'MASTER', InstanceType: 'm5.xlarge', InstanceCount: 1, Market: 'ON_DEMAND' },
      { Name: 'core', InstanceRole: 'CORE', InstanceType: 'm5.xlarge', InstanceCount: 2, Market: 'ON_DEMAND' },
    ],
  },
});

beforeAll(async () => {
  moto = await startMoto();
  const emr = new EMRClient(motoClientConfig(moto, 'us-east-1'));
  await emr.send(cluster('analytics'));
  const gone = await emr.send(cluster('finished'));
  await emr.send(new TerminateJobFlowsCommand({ JobFlowIds: [gone.JobFlowId!] }));
  await emr.send(new PutBlockPublicAccessConfigurationCommand({
    BlockPublicAccessConfiguration: { BlockPublicSecurityGroupRules: true, PermittedPublicSecurityGroupRuleRanges: [{ MinRange: 22, MaxRange: 22 }, { MinRange: 8080, MaxRange: 8090 }] },
  }));
  db = await memoryDb();
  // One region: moto 5.2.1 answers EMR clusters and the block public access configuration of us-east-1 in every region.
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['emr'], regions: ['us-east-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('emr collectors', () => {
  it('writes active clusters only, with the primary node and its public addresses', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, name, state, release_label, instance_collection_type, master_public_ips FROM aws_emr_clusters');
    // moto reports no InstanceCollectionType (an instance-group cluster, read through its MASTER group) and gives
    // every instance a public address.
    expect(rows).toEqual([{ region: 'us-east-1', name: 'analytics', state: 'WAITING', release_label: 'emr-7.2.0', instance_collection_type: null, master_public_ips: [expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/)] }]);
  });

  it('writes the block public access configuration of the region with its permitted port ranges', async () => {
    const rows = await db.all('SELECT region, block_public_security_group_rules, permitted_public_ports FROM aws_emr_block_public_access ORDER BY region');
    expect(rows).toEqual([{ region: 'us-east-1', block_public_security_group_rules: true, permitted_public_ports: ['22-22', '8080-8090'] }]);
  });
});
