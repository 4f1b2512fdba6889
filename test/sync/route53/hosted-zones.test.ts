import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateHostedZoneCommand, CreateQueryLoggingConfigCommand, Route53Client } from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { checkFindings } from '../../support/checks.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

let moto: Moto;
let db: Database;
let result: SyncResult;
const logGroup = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/route53/logged.example.com:*';

beforeAll(async () => {
  moto = await startMoto();
  const r53 = new Route53Client(motoClientConfig(moto, 'us-east-1'));
  await new CloudWatchLogsClient(motoClientConfig(moto, 'us-east-1')).send(new CreateLogGroupCommand({ logGroupName: '/aws/route53/logged.example.com' }));
  const logged = await r53.send(new CreateHostedZoneCommand({ Name: 'logged.example.com', CallerReference: 'logged' }));
  await r53.send(new CreateHostedZoneCommand({ Name: 'quiet.example.com', CallerReference: 'quiet' }));
  await r53.send(new CreateHostedZoneCommand({
    Name: 'internal.example.com', CallerReference: 'internal', VPC: { VPCRegion: 'us-east-1', VPCId: 'vpc-12345678' }, HostedZoneConfig: { PrivateZone: true },
  }));
  await r53.send(new CreateQueryLoggingConfigCommand({ HostedZoneId: logged.HostedZone!.Id!.replace('/hostedzone/', ''), CloudWatchLogsLogGroupArn: logGroup }));
  db = await memoryDb();
  result = await runSync({ db, credentials: testCredentials, endpoint: moto.endpoint, services: ['route53'], regions: ['us-east-1'] });
}, 60_000);

afterAll(async () => {
  db?.close();
  await moto?.stop();
});

describe('Route 53 hosted zones collector', () => {
  it('writes each zone once, with whether it is private and its query logging', async () => {
    expect(result.errors).toEqual([]);
    const rows = await db.all(
      `SELECT region, name, private_zone, query_log_group_arn, arn = 'arn:aws:route53:::hostedzone/' || hosted_zone_id AS arn_ok
       FROM aws_route53_hosted_zones ORDER BY name`,
    );
    expect(rows).toEqual([
      { region: 'global', name: 'internal.example.com.', private_zone: true, query_log_group_arn: null, arn_ok: true },
      { region: 'global', name: 'logged.example.com.', private_zone: false, query_log_group_arn: logGroup, arn_ok: true },
      { region: 'global', name: 'quiet.example.com.', private_zone: false, query_log_group_arn: null, arn_ok: true },
    ]);
  });

  it('fails the quiet public zone under FSBP Route53.2 on the synced rows', async () => {
    expect((await checkFindings(db, 'route53_public_zone_query_logging')).map((r) => r.zone_name)).toEqual(['quiet.example.com.']);
  });
});
