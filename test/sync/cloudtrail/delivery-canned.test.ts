import { CloudTrailClient, CreateTrailCommand, GetTrailStatusCommand, PutEventSelectorsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

// Canned GetTrailStatus facts moto cannot express (it never reports a CloudWatch Logs delivery): one trail
// delivered an hour ago, one delivered recently but reports an error, one never delivered. Every other call
// reaches moto_server; the verdicts come from the real 3.4 check.
const account = '123456789012';
const delivery: Record<string, { LatestCloudWatchLogsDeliveryTime?: Date; LatestCloudWatchLogsDeliveryError?: string }> = {
  fresh: { LatestCloudWatchLogsDeliveryTime: new Date(Date.now() - 3600_000) },
  failing: { LatestCloudWatchLogsDeliveryTime: new Date(Date.now() - 3600_000), LatestCloudWatchLogsDeliveryError: 'AccessDeniedException' },
  never: {},
};

function cannedStatus(client: unknown, service: string): void {
  if (service !== 'CloudTrail') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(
    (next: (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>, context: { commandName?: string }) =>
      async (args: { input: Record<string, unknown> }) => {
        const result = await next(args);
        if (context.commandName !== GetTrailStatusCommand.name) return result;
        const name = String(args.input.Name).split('/').pop()!;
        return { ...result, output: { ...result.output, ...delivery[name] } };
      },
    { step: 'initialize', name: 'cannedDelivery' },
  );
}

let moto: Moto;
let db: Database;
beforeAll(async () => {
  moto = await startMoto();
  await new S3Client(motoClientConfig(moto)).send(new CreateBucketCommand({ Bucket: 'delivery-trail-logs' }));
  const ct = new CloudTrailClient(motoClientConfig(moto));
  for (const name of Object.keys(delivery)) {
    await ct.send(
      new CreateTrailCommand({
        Name: name,
        S3BucketName: 'delivery-trail-logs',
        IsMultiRegionTrail: true,
        CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${account}:log-group:${name}:*`,
        CloudWatchLogsRoleArn: `arn:aws:iam::${account}:role/trail-to-logs`,
      }),
    );
    await ct.send(new StartLoggingCommand({ Name: name }));
    await ct.send(new PutEventSelectorsCommand({ TrailName: name, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] }));
  }
  db = await memoryDb();
  const result = await runSync({ db, services: ['cloudtrail'], regions: ['us-east-1'], endpoint: moto.endpoint, credentials: testCredentials, configureClient: cannedStatus });
  expect(result.errors).toEqual([]);
}, 60_000);
afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('CloudTrail delivery to CloudWatch Logs (canned GetTrailStatus)', () => {
  it('stores the last delivery time and error GetTrailStatus reports', async () => {
    const rows = await db.all('SELECT name, latest_cloudwatch_logs_delivery_time IS NOT NULL AS delivered, latest_cloudwatch_logs_delivery_error FROM aws_cloudtrail_trails ORDER BY name');
    expect(rows).toEqual([
      { name: 'failing', delivered: true, latest_cloudwatch_logs_delivery_error: 'AccessDeniedException' },
      { name: 'fresh', delivered: true, latest_cloudwatch_logs_delivery_error: null },
      { name: 'never', delivered: false, latest_cloudwatch_logs_delivery_error: null },
    ]);
  });

  it('passes the trail that delivered an hour ago and fails the one with an error and the one that never delivered', async () => {
    const rows = await checkFindings(db, 'cloudtrail_cloudwatch_logs_integrated');
    expect(rows.map((r) => [r.trail_name, r.reason]).sort()).toEqual([
      ['failing', 'Trail failing reports a CloudWatch Logs delivery error: AccessDeniedException'],
      ['never', 'Trail never has never delivered to CloudWatch Logs (GetTrailStatus reports no delivery)'],
    ]);
  });
});
