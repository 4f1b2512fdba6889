import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, CreateFunctionUrlConfigCommand, GetFunctionUrlConfigCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

const region = 'us-east-1';
const emptyZip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
let moto: Moto;
let db: Database;
let result: SyncResult;

type Next = (args: { input: Record<string, unknown> }) => Promise<unknown>;
interface Stack { middlewareStack: { add: (mw: (next: Next, context: { commandName?: string }) => Next, opts: object) => void } }

/**
 * moto 5.2.1 does not implement ListFunctionUrlConfigs. This canned answer is built from moto's own state: the
 * function's URL as moto's GetFunctionUrlConfig returns it (moto keeps no alias URLs), or none.
 */
function cannedUrlList(lookup: LambdaClient) {
  return (client: unknown, service: string) => {
    if (service !== 'Lambda') return;
    (client as Stack).middlewareStack.add((next, context) => async (args) => {
      if (context.commandName !== 'ListFunctionUrlConfigsCommand') return next(args);
      const name = args.input.FunctionName as string;
      const config = await lookup.send(new GetFunctionUrlConfigCommand({ FunctionName: name })).catch((e: Error) => {
        if (e.name === 'ResourceNotFoundException') return undefined;
        throw e;
      });
      const { $metadata: _m, ...url } = config ?? { $metadata: {} };
      return { output: { $metadata: {}, FunctionUrlConfigs: config ? [url] : [] }, response: {} };
    }, { step: 'initialize', name: 'cannedListFunctionUrlConfigs' });
  };
}

beforeAll(async () => {
  moto = await startMoto();
  const cfg = motoClientConfig(moto, region);
  const role = await new IAMClient(cfg).send(new CreateRoleCommand({
    RoleName: 'fn', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }));
  const lambda = new LambdaClient(cfg);
  for (const name of ['open', 'signed', 'no-url']) {
    await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'python3.12', Role: role.Role!.Arn!, Handler: 'index.handler', Code: { ZipFile: emptyZip } }));
  }
  await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'open', AuthType: 'NONE' }));
  await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'signed', AuthType: 'AWS_IAM' }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['lambda'], regions: [region], configureClient: cannedUrlList(lambda) });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('Lambda function URLs collector', () => {
  it('writes each function URL with its auth type, and nothing for a function without one', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all('SELECT function_name, auth_type, function_url IS NOT NULL AS has_url, function_arn FROM aws_lambda_function_urls ORDER BY function_name');
    expect(rows).toEqual([
      { function_name: 'open', auth_type: 'NONE', has_url: true, function_arn: `arn:aws:lambda:${region}:123456789012:function:open` },
      { function_name: 'signed', auth_type: 'AWS_IAM', has_url: true, function_arn: `arn:aws:lambda:${region}:123456789012:function:signed` },
    ]);
  });

  it('fails the URL that performs no IAM authentication', async () => {
    expect((await checkFindings(db, 'lambda_function_url_not_public')).map((r) => r.function_name)).toEqual(['open']);
  });
});
