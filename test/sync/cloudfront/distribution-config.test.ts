import { CloudFrontClient, CreateDistributionCommand, type DistributionConfig } from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync, type SyncResult } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

const region = 'us-east-1';
const cachePolicy = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const certificate = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
let moto: Moto;
let db: Database;
let result: SyncResult;
const arns: Record<string, string> = {};

// 'site': an S3 origin with a legacy OAI, a custom origin speaking SSLv3, an origin group, a root object, an ACM
// certificate served by SNI, and a cache behavior that allows plain HTTP. 'bare': CloudFront's defaults.
const site: DistributionConfig = {
  CallerReference: 'site', Comment: 'site', Enabled: true, DefaultRootObject: 'index.html',
  Origins: {
    Quantity: 2,
    Items: [
      { Id: 'bucket', DomainName: 'assets.s3.us-east-1.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: 'origin-access-identity/cloudfront/E1OAI' } },
      { Id: 'app', DomainName: 'app.example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'match-viewer', OriginSslProtocols: { Quantity: 2, Items: ['SSLv3', 'TLSv1.2'] } } },
    ],
  },
  OriginGroups: {
    Quantity: 1,
    Items: [{ Id: 'failover', FailoverCriteria: { StatusCodes: { Quantity: 1, Items: [503] } }, Members: { Quantity: 2, Items: [{ OriginId: 'app' }, { OriginId: 'bucket' }] } }],
  },
  DefaultCacheBehavior: { TargetOriginId: 'app', ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: cachePolicy },
  CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/img/*', TargetOriginId: 'bucket', ViewerProtocolPolicy: 'allow-all', CachePolicyId: cachePolicy }] },
  ViewerCertificate: { ACMCertificateArn: certificate, SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
};
const bare: DistributionConfig = {
  CallerReference: 'bare', Comment: 'bare', Enabled: true,
  Origins: { Quantity: 1, Items: [{ Id: 'web', DomainName: 'origin.example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' } }] },
  DefaultCacheBehavior: { TargetOriginId: 'web', ViewerProtocolPolicy: 'allow-all', CachePolicyId: cachePolicy },
};

beforeAll(async () => {
  moto = await startMoto();
  const cf = new CloudFrontClient(motoClientConfig(moto, region));
  arns.site = (await cf.send(new CreateDistributionCommand({ DistributionConfig: site }))).Distribution!.ARN!;
  arns.bare = (await cf.send(new CreateDistributionCommand({ DistributionConfig: bare }))).Distribution!.ARN!;
  db = await memoryDb();
  // With logs: both services call CloudWatch Logs, and each call counts under the service that made it.
  result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['cloudfront', 'logs'], regions: [region] });
  expect(result.errors).toEqual([]);
}, 120_000);
afterAll(async () => {
  await moto?.stop();
});

describe('CloudFront distribution configuration against moto', () => {
  it("counts the log-delivery calls CloudFront's collector makes with the Logs client under cloudfront, not logs", () => {
    const by = result.apiCallsBySyncService;
    // DescribeDeliverySources and DescribeDeliveries, once each (one page), made by CloudFront's collector.
    expect(by.cloudfront).toMatchObject({ CloudFront: expect.any(Number), CloudWatchLogs: 2 });
    expect(Object.keys(by.logs ?? {})).toEqual(['CloudWatchLogs']);
    // The runner's own calls (caller identity, regions, account alias) count as the runner's.
    expect(by['(runner)']).toMatchObject({ STS: 1 });
    // Every call is counted once, under one caller, and the per-client view adds them up the same way.
    const calls = Object.values(by).flatMap((clients) => Object.values(clients));
    expect(calls.reduce((a, b) => a + b, 0)).toBe(result.apiCalls);
    expect(result.apiCallsByService.CloudWatchLogs).toBe(by.cloudfront!.CloudWatchLogs! + by.logs!.CloudWatchLogs!);
  });

  it('reads the root object, the viewer certificate and the failover origin groups of each distribution', async () => {
    // moto 5.2.1 answers CloudFrontDefaultCertificate true beside an ACM certificate (AWS answers false); the
    // check tests cover AWS's form.
    const rows = await db.all(`SELECT arn, config_read, default_root_object, cloudfront_default_certificate, acm_certificate_arn, ssl_support_method,
      minimum_protocol_version, origin_group_count, failover_origin_groups FROM aws_cloudfront_distributions`);
    rows.sort((a, b) => String(a.arn === arns.site).localeCompare(String(b.arn === arns.site)));
    expect(rows).toEqual([
      {
        arn: arns.bare, config_read: true, default_root_object: '', cloudfront_default_certificate: true, acm_certificate_arn: null,
        ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1', origin_group_count: 0, failover_origin_groups: [],
      },
      {
        arn: arns.site, config_read: true, default_root_object: 'index.html', cloudfront_default_certificate: true, acm_certificate_arn: certificate,
        ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021', origin_group_count: 1, failover_origin_groups: ['failover'],
      },
    ]);
  });

  it('reads every origin with its kind, protocol policy and SSL protocols', async () => {
    // moto 5.2.1 drops an origin's S3OriginConfig and OriginAccessControlId (AWS always returns one of S3OriginConfig,
    // CustomOriginConfig or VpcOriginConfig): its S3 origin reads with no type, which CloudFront.13 fails as unknown.
    expect(await db.all(`SELECT distribution_arn, origin_id, origin_type, origin_protocol_policy, origin_ssl_protocols, origin_access_identity
      FROM aws_cloudfront_origins ORDER BY distribution_arn = '${arns.site}', origin_id`)).toEqual([
      { distribution_arn: arns.bare, origin_id: 'web', origin_type: 'custom', origin_protocol_policy: 'https-only', origin_ssl_protocols: [], origin_access_identity: null },
      { distribution_arn: arns.site, origin_id: 'app', origin_type: 'custom', origin_protocol_policy: 'match-viewer', origin_ssl_protocols: ['SSLv3', 'TLSv1.2'], origin_access_identity: null },
      { distribution_arn: arns.site, origin_id: 'bucket', origin_type: null, origin_protocol_policy: null, origin_ssl_protocols: null, origin_access_identity: null },
    ]);
  });

  it('reads the default cache behavior and every path behavior with its viewer protocol policy', async () => {
    expect(await db.all(`SELECT distribution_arn, is_default, path_pattern, target_origin_id, viewer_protocol_policy
      FROM aws_cloudfront_cache_behaviors ORDER BY distribution_arn = '${arns.site}', is_default DESC`)).toEqual([
      { distribution_arn: arns.bare, is_default: true, path_pattern: '*', target_origin_id: 'web', viewer_protocol_policy: 'allow-all' },
      { distribution_arn: arns.site, is_default: true, path_pattern: '*', target_origin_id: 'app', viewer_protocol_policy: 'redirect-to-https' },
      { distribution_arn: arns.site, is_default: false, path_pattern: '/img/*', target_origin_id: 'bucket', viewer_protocol_policy: 'allow-all' },
    ]);
  });
});
