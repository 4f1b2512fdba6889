import { CreateEndpointConfigCommand, CreateModelCommand, CreateNotebookInstanceCommand, DescribeModelCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const role = `arn:aws:iam::${account}:role/sagemaker`;
const key = `arn:aws:kms:us-east-1:${account}:key/11111111-2222-3333-4444-555555555555`;
const image = `${account}.dkr.ecr.us-east-1.amazonaws.com/model:latest`;

// moto 5.2.1's CreateModel ignores EnableNetworkIsolation (every model answers false), so DescribeModel of the
// model named 'isolated' is canned to report true, as AWS does for a model created with it. Every other call,
// and DescribeModel of the other model, reaches moto_server.
function cannedIsolation(client: unknown, service: string): void {
  if (service !== 'SageMaker') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>, context: { commandName?: string }) =>
      async (args: { input: Record<string, unknown> }) => {
        const out = await next(args);
        if (context.commandName !== DescribeModelCommand.name || args.input.ModelName !== 'isolated') return out;
        return { ...out, output: { ...out.output, EnableNetworkIsolation: true } };
      },
    { step: 'initialize', name: 'cannedIsolation' },
  );
}

beforeAll(async () => {
  moto = await startMoto();
  const sm = new SageMakerClient(motoClientConfig(moto, 'us-east-1'));
  await sm.send(new CreateNotebookInstanceCommand({
    NotebookInstanceName: 'locked', InstanceType: 'ml.t3.medium', RoleArn: role, SubnetId: 'subnet-1', SecurityGroupIds: ['sg-1'],
    DirectInternetAccess: 'Disabled', RootAccess: 'Disabled', KmsKeyId: key,
  }));
  // RootAccess named: AWS defaults it to Enabled and reports it, moto reports nothing when it is left out.
  await sm.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: 'open', InstanceType: 'ml.t3.medium', RoleArn: role, RootAccess: 'Enabled' }));
  for (const name of ['isolated', 'open']) await sm.send(new CreateModelCommand({ ModelName: name, ExecutionRoleArn: role, PrimaryContainer: { Image: image } }));
  await sm.send(new CreateEndpointConfigCommand({
    EndpointConfigName: 'ha', KmsKeyId: key,
    ProductionVariants: [
      { VariantName: 'a', ModelName: 'open', InitialInstanceCount: 2, InstanceType: 'ml.m5.large' },
      { VariantName: 'b', ModelName: 'open', ServerlessConfig: { MemorySizeInMB: 1024, MaxConcurrency: 1 } },
    ],
  }));
  await sm.send(new CreateEndpointConfigCommand({
    EndpointConfigName: 'single',
    ProductionVariants: [{ VariantName: 'main', ModelName: 'open', InitialInstanceCount: 1, InstanceType: 'ml.m5.large' }],
  }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['sagemaker'], regions: ['us-east-1', 'eu-west-1'], configureClient: cannedIsolation });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('sagemaker collectors', () => {
  it('writes notebook instances with internet access, root access, subnet and KMS key', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT region, arn, name, direct_internet_access, root_access, subnet_id, kms_key_id FROM aws_sagemaker_notebook_instances ORDER BY name');
    expect(rows).toEqual([
      { region: 'us-east-1', arn: `arn:aws:sagemaker:us-east-1:${account}:notebook-instance/locked`, name: 'locked', direct_internet_access: 'Disabled', root_access: 'Disabled', subnet_id: 'subnet-1', kms_key_id: key },
      { region: 'us-east-1', arn: `arn:aws:sagemaker:us-east-1:${account}:notebook-instance/open`, name: 'open', direct_internet_access: 'Enabled', root_access: 'Enabled', subnet_id: null, kms_key_id: null },
    ]);
  });

  it('writes endpoint configurations with their KMS key and the variants below two instances, serverless ones aside', async () => {
    const rows = await db.all('SELECT name, kms_key_id, variant_count, serverless_variant_count, min_initial_instance_count, single_instance_variants FROM aws_sagemaker_endpoint_configs ORDER BY name');
    expect(rows).toEqual([
      { name: 'ha', kms_key_id: key, variant_count: 2, serverless_variant_count: 1, min_initial_instance_count: 2, single_instance_variants: [] },
      { name: 'single', kms_key_id: null, variant_count: 1, serverless_variant_count: 0, min_initial_instance_count: 1, single_instance_variants: ['main'] },
    ]);
  });

  it('writes models with network isolation', async () => {
    const rows = await db.all('SELECT arn, name, network_isolation_enabled FROM aws_sagemaker_models ORDER BY name');
    expect(rows).toEqual([
      { arn: `arn:aws:sagemaker:us-east-1:${account}:model/isolated`, name: 'isolated', network_isolation_enabled: true },
      { arn: `arn:aws:sagemaker:us-east-1:${account}:model/open`, name: 'open', network_isolation_enabled: false },
    ]);
    const scopes = await db.all("SELECT DISTINCT region, status FROM sync_scopes WHERE table_name LIKE 'aws_sagemaker_%' ORDER BY region");
    expect(scopes).toEqual([{ region: 'eu-west-1', status: 'ok' }, { region: 'us-east-1', status: 'ok' }]);
  });
});
