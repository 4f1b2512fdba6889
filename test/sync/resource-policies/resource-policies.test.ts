import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateSecretCommand, PutResourcePolicyCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

const account = '123456789012';
const region = 'us-east-1';
const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const anyone = (action: string, resource: string, extra: object = {}) => ({ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: action, Resource: resource, ...extra });
const orgOnly = { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } };
// An empty zip archive (end-of-central-directory record only): moto stores the code without running it.
const emptyZip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

let moto: Moto;
let db: Database;
const facts = (table: string, key = 'name') =>
  db.all(`SELECT ${key} AS id, has_policy, policy_is_public, public_statements, policy_normalized->>'$.Statement[0].Principal.AWS[0]' AS principal FROM ${table} ORDER BY ${key}`);

beforeAll(async () => {
  moto = await startMoto();
  const cfg = motoClientConfig(moto, region);
  const sqs = new SQSClient(cfg);
  const qarn = (n: string) => `arn:aws:sqs:${region}:${account}:${n}`;
  await sqs.send(new CreateQueueCommand({ QueueName: 'open', Attributes: { Policy: doc(anyone('sqs:SendMessage', qarn('open'))) } }));
  await sqs.send(new CreateQueueCommand({ QueueName: 'org', Attributes: { Policy: doc(anyone('sqs:SendMessage', qarn('org'), orgOnly)) } }));
  await sqs.send(new CreateQueueCommand({ QueueName: 'plain' }));

  const role = await new IAMClient(cfg).send(new CreateRoleCommand({ RoleName: 'fn', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) }));
  const lambda = new LambdaClient(cfg);
  for (const name of ['hook', 'private']) {
    await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'python3.12', Role: role.Role!.Arn!, Handler: 'index.handler', Code: { ZipFile: emptyZip } }));
  }
  await lambda.send(new AddPermissionCommand({ FunctionName: 'hook', StatementId: 'public-invoke', Action: 'lambda:InvokeFunction', Principal: '*' }));

  const kms = new KMSClient(cfg);
  const open = await kms.send(new CreateKeyCommand({ Description: 'open' }));
  await kms.send(new PutKeyPolicyCommand({ KeyId: open.KeyMetadata!.KeyId!, PolicyName: 'default', Policy: doc(anyone('kms:Decrypt', '*')) }));
  await kms.send(new CreateKeyCommand({ Description: 'default policy' }));

  const sm = new SecretsManagerClient(cfg);
  await sm.send(new CreateSecretCommand({ Name: 'shared', SecretString: 'not-read-by-calabi' }));
  await sm.send(new PutResourcePolicyCommand({ SecretId: 'shared', ResourcePolicy: doc(anyone('secretsmanager:GetSecretValue', '*', { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })) }));
  await sm.send(new CreateSecretCommand({ Name: 'loose', SecretString: 'x' }));
  await sm.send(new PutResourcePolicyCommand({ SecretId: 'loose', ResourcePolicy: doc(anyone('secretsmanager:GetSecretValue', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })), BlockPublicPolicy: false }));
  await sm.send(new CreateSecretCommand({ Name: 'none', SecretString: 'x' }));

  const sns = new SNSClient(cfg);
  const alerts = (await sns.send(new CreateTopicCommand({ Name: 'alerts' }))).TopicArn!;
  await sns.send(new SetTopicAttributesCommand({ TopicArn: alerts, AttributeName: 'Policy', AttributeValue: doc(anyone('sns:Publish', alerts)) }));
  await sns.send(new CreateTopicCommand({ Name: 'internal' }));

  db = await memoryDb();
  const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['sqs', 'lambda', 'kms', 'secretsmanager', 'sns'], regions: [region] });
  // moto 5.2.1 does not implement ListFunctionUrlConfigs (test/sync/lambda/function-urls.test.ts cans it): only the
  // function URL table is in error, never the policies read here.
  expect(result.errors.filter((e) => e.table !== 'aws_lambda_function_urls')).toEqual([]);
}, 90_000);
afterAll(async () => {
  await moto?.stop();
});

describe('resource-policy collectors against moto', () => {
  it('stores each SQS queue policy with its public verdict: Principal * open, narrowed by org id, or no policy', async () => {
    expect(await facts('aws_sqs_queues')).toEqual([
      { id: 'open', has_policy: true, policy_is_public: true, public_statements: ['Anyone'], principal: '*' },
      { id: 'org', has_policy: true, policy_is_public: false, public_statements: [], principal: '*' },
      { id: 'plain', has_policy: false, policy_is_public: false, public_statements: [], principal: null },
    ]);
    const [q] = await db.all(`SELECT arn, queue_url FROM aws_sqs_queues WHERE name = 'open'`);
    expect(q).toEqual({ arn: `arn:aws:sqs:${region}:${account}:open`, queue_url: expect.stringMatching(/\/123456789012\/open$/) });
  });

  it('reads Lambda policies: a permission for Principal * is public, a function without a policy is a fact', async () => {
    expect(await facts('aws_lambda_functions', 'function_name')).toEqual([
      { id: 'hook', has_policy: true, policy_is_public: true, public_statements: ['public-invoke'], principal: '*' },
      { id: 'private', has_policy: false, policy_is_public: false, public_statements: [], principal: null },
    ]);
    const [f] = await db.all(`SELECT arn, runtime FROM aws_lambda_functions WHERE function_name = 'hook'`);
    expect(f).toEqual({ arn: `arn:aws:lambda:${region}:${account}:function:hook`, runtime: 'python3.12' });
  });

  it("reads every KMS key's default policy: a Principal * grant is public, the default key policy is not", async () => {
    const rows = await db.all(`SELECT raw->>'$.Policy' IS NOT NULL AS read, has_policy, policy_is_public FROM aws_kms_key_policies ORDER BY policy_is_public`);
    expect(rows).toEqual([
      { read: true, has_policy: true, policy_is_public: false },
      { read: true, has_policy: true, policy_is_public: true },
    ]);
  });

  it('reads secret resource policies: a VPC-endpoint condition narrows, aws:SecureTransport does not; no value is stored', async () => {
    expect(await facts('aws_secretsmanager_secrets')).toEqual([
      { id: 'loose', has_policy: true, policy_is_public: true, public_statements: ['Anyone'], principal: '*' },
      { id: 'none', has_policy: false, policy_is_public: false, public_statements: [], principal: null },
      { id: 'shared', has_policy: true, policy_is_public: false, public_statements: [], principal: '*' },
    ]);
    const [{ leaked }] = (await db.all(`SELECT count(*)::INTEGER AS leaked FROM aws_secretsmanager_secrets WHERE raw::VARCHAR LIKE '%not-read-by-calabi%'`)) as [{ leaked: number }];
    expect(leaked).toBe(0);
  });

  it("derives SNS topic facts: a Principal * publish grant is public, the default policy (narrowed by AWS:SourceOwner) is not", async () => {
    expect(await facts('aws_sns_topics')).toEqual([
      { id: 'alerts', has_policy: true, policy_is_public: true, public_statements: ['Anyone'], principal: '*' },
      { id: 'internal', has_policy: true, policy_is_public: false, public_statements: [], principal: '*' },
    ]);
  });
});
