import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
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
let topic: string;
const template = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } }, Outputs: { Secret: { Value: 'not-stored' } } });

beforeAll(async () => {
  moto = await startMoto();
  const cfg = motoClientConfig(moto, 'us-east-1');
  topic = (await new SNSClient(cfg).send(new CreateTopicCommand({ Name: 'stack-events' }))).TopicArn!;
  const cf = new CloudFormationClient(cfg);
  await cf.send(new CreateStackCommand({ StackName: 'quiet', TemplateBody: template }));
  await cf.send(new CreateStackCommand({ StackName: 'loud', TemplateBody: template, NotificationARNs: [topic], EnableTerminationProtection: true }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['cloudformation'], regions: ['us-east-1', 'eu-west-1'] });
}, 90_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('CloudFormation stacks collector', () => {
  it('writes each stack with its notification topics and termination protection, and no outputs', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all("SELECT name, region, status, notification_arns, termination_protection, raw->'Outputs' AS outputs FROM aws_cloudformation_stacks ORDER BY name");
    expect(rows).toEqual([
      { name: 'loud', region: 'us-east-1', status: 'CREATE_COMPLETE', notification_arns: [topic], termination_protection: true, outputs: null },
      { name: 'quiet', region: 'us-east-1', status: 'CREATE_COMPLETE', notification_arns: [], termination_protection: false, outputs: null },
    ]);
  });

  it('fails the stack that notifies no topic', async () => {
    expect((await checkFindings(db, 'cloudformation_stack_sns_notifications')).map((r) => r.stack)).toEqual(['quiet']);
  });
});
