import { CreateNotebookInstanceCommand, DescribeNotebookInstanceCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

// Fault injection on a real client (configureClient), since moto cannot refuse or lose one item: the describe
// of 'guarded' is refused (a too-narrow permission), and 'gone' answers as AWS does for an instance deleted
// after ListNotebookInstances. Every other call reaches moto.
const account = '123456789012';
const role = `arn:aws:iam::${account}:role/sagemaker`;

function faults(client: unknown, service: string): void {
  if (service !== 'SageMaker') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      const name = args.input.NotebookInstanceName;
      if (context.commandName === DescribeNotebookInstanceCommand.name && name === 'guarded') {
        throw Object.assign(new Error('User is not authorized to perform: sagemaker:DescribeNotebookInstance'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
      }
      if (context.commandName === DescribeNotebookInstanceCommand.name && name === 'gone') {
        throw Object.assign(new Error('RecordNotFound: Could not find notebook instance gone'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
      }
      return next(args);
    },
    { step: 'initialize', name: 'faults' },
  );
}

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
  const sm = new SageMakerClient(motoClientConfig(moto, 'us-east-1'));
  for (const name of ['gone', 'guarded', 'open']) {
    await sm.send(new CreateNotebookInstanceCommand({ NotebookInstanceName: name, InstanceType: 'ml.t3.medium', RoleArn: role, RootAccess: 'Enabled' }));
  }
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe('sagemaker per-item failures', () => {
  it('keeps a refused instance with unknown settings, drops a deleted one, records the error and marks the scope in error', async () => {
    const db = await memoryDb();
    const result = await runSync({ db, services: ['sagemaker'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, configureClient: faults });
    expect(result.errors.map((e) => [e.operation, e.code, e.resourceId])).toEqual([
      ['DescribeNotebookInstance', 'AccessDeniedException', `arn:aws:sagemaker:us-east-1:${account}:notebook-instance/guarded`],
    ]);
    const rows = await db.all('SELECT name, root_access FROM aws_sagemaker_notebook_instances ORDER BY name');
    expect(rows).toEqual([{ name: 'guarded', root_access: null }, { name: 'open', root_access: 'Enabled' }]);
    const scope = await db.one("SELECT status, stale FROM sync_scopes WHERE table_name = 'aws_sagemaker_notebook_instances' AND region = 'us-east-1'");
    expect(scope).toEqual({ status: 'error', stale: false });
    db.close();
  });
});
