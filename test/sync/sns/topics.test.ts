import { CreateTopicCommand, GetTopicAttributesCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { isConfirmed } from '../../../sync/sns/topics.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const account = '123456789012';
const failureRole = `arn:aws:iam::${account}:role/SNSFailureFeedback`;

// moto 5.2.1 stores SetTopicAttributes' delivery status roles but leaves them out of GetTopicAttributes: this adds
// them to moto's real answer for 'security-alerts', as AWS returns them (the rest of the answer stays moto's).
function feedbackRoles(client: unknown, service: string): void {
  if (service !== 'SNS') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<{ output: { Attributes?: Record<string, string> } }>, context: { commandName?: string }) =>
      async (args: { input: Record<string, unknown> }) => {
        const out = await next(args);
        if (context.commandName === GetTopicAttributesCommand.name && String(args.input.TopicArn).endsWith(':security-alerts')) {
          out.output.Attributes = { ...out.output.Attributes, SQSFailureFeedbackRoleArn: failureRole, SQSSuccessFeedbackSampleRate: '0' };
        }
        return out;
      },
    { step: 'initialize', name: 'feedbackRoles' },
  );
}

beforeAll(async () => {
  moto = await startMoto();
  const east = new SNSClient(motoClientConfig(moto, 'us-east-1'));
  const alerts = (await east.send(new CreateTopicCommand({ Name: 'security-alerts', Attributes: { DisplayName: 'Security' } }))).TopicArn!;
  await east.send(new CreateTopicCommand({ Name: 'nobody-listens' }));
  await east.send(new SubscribeCommand({ TopicArn: alerts, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:${account}:soc-queue` }));
  await new SNSClient(motoClientConfig(moto, 'eu-west-1')).send(new CreateTopicCommand({ Name: 'west-topic' }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['sns'], regions: ['us-east-1', 'eu-west-1'], configureClient: feedbackRoles });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('sns collectors', () => {
  // moto reports SubscriptionsConfirmed as 0 whatever the subscriptions; checks read aws_sns_subscriptions instead.
  it('lists topics per region with their attributes', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all("SELECT region, arn, name, display_name, subscriptions_confirmed, fifo_topic, raw->>'$.TopicArn' = arn AS raw_ok FROM aws_sns_topics ORDER BY region, name");
    expect(rows).toEqual([
      { region: 'eu-west-1', arn: `arn:aws:sns:eu-west-1:${account}:west-topic`, name: 'west-topic', display_name: null, subscriptions_confirmed: 0, fifo_topic: false, raw_ok: true },
      { region: 'us-east-1', arn: `arn:aws:sns:us-east-1:${account}:nobody-listens`, name: 'nobody-listens', display_name: null, subscriptions_confirmed: 0, fifo_topic: false, raw_ok: true },
      { region: 'us-east-1', arn: `arn:aws:sns:us-east-1:${account}:security-alerts`, name: 'security-alerts', display_name: 'Security', subscriptions_confirmed: 0, fifo_topic: false, raw_ok: true },
    ]);
  });

  it('keeps the delivery status logging roles of each topic, {} when none is set', async () => {
    const rows = await db.all("SELECT name, delivery_status_roles FROM aws_sns_topics ORDER BY name");
    expect(rows.map((r) => [r.name, JSON.parse(String(r.delivery_status_roles))])).toEqual([
      ['nobody-listens', {}], ['security-alerts', { SQSFailureFeedbackRoleArn: failureRole }], ['west-topic', {}],
    ]);
  });

  it('lists subscriptions with their topic and whether they are confirmed', async () => {
    const rows = await db.all("SELECT region, topic_arn, protocol, endpoint, confirmed, subscription_arn LIKE topic_arn || ':%' AS arn_ok FROM aws_sns_subscriptions");
    expect(rows).toEqual([
      { region: 'us-east-1', topic_arn: `arn:aws:sns:us-east-1:${account}:security-alerts`, protocol: 'sqs', endpoint: `arn:aws:sqs:us-east-1:${account}:soc-queue`, confirmed: true, arn_ok: true },
    ]);
  });

  it('treats a PendingConfirmation subscription as unconfirmed (moto confirms every subscription at once)', () => {
    expect(isConfirmed('PendingConfirmation')).toBe(false);
    expect(isConfirmed('Deleted')).toBe(false);
    expect(isConfirmed(undefined)).toBe(false);
    expect(isConfirmed(`arn:aws:sns:us-east-1:${account}:security-alerts:5f1c`)).toBe(true);
  });
});
