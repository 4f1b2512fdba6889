import { ApiGatewayV2Client, CreateApiCommand, CreateRouteCommand, CreateStageCommand as CreateV2StageCommand } from '@aws-sdk/client-apigatewayv2';
import { APIGatewayClient, CreateAuthorizerCommand, CreateDeploymentCommand, CreateRestApiCommand, CreateStageCommand, GetResourcesCommand, PutIntegrationCommand, PutMethodCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../schema/db.js';
import { runSync } from '../../../sync/runner.js';
import { memoryDb } from '../../support/db.js';
import { motoClientConfig, startMoto, testCredentials, type Moto } from '../../support/moto.js';

const region = 'us-east-1';
let moto: Moto;
let db: Database;
const ids: Record<string, string> = {};

beforeAll(async () => {
  moto = await startMoto();
  const cfg = motoClientConfig(moto, region);
  const rest = new APIGatewayClient(cfg);
  const api = (await rest.send(new CreateRestApiCommand({ name: 'shop' }))).id!;
  const root = (await rest.send(new GetResourcesCommand({ restApiId: api }))).items![0]!.id!;
  await rest.send(new PutMethodCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }));
  await rest.send(new PutIntegrationCommand({ restApiId: api, resourceId: root, httpMethod: 'GET', type: 'MOCK' }));
  const deployment = (await rest.send(new CreateDeploymentCommand({ restApiId: api }))).id!;
  await rest.send(new CreateStageCommand({ restApiId: api, stageName: 'prod', deploymentId: deployment, cacheClusterEnabled: true, cacheClusterSize: '0.5' }));
  await rest.send(new CreateStageCommand({ restApiId: api, stageName: 'dev', deploymentId: deployment }));
  ids.rest = api;
  ids.lambdaAuth = (await rest.send(new CreateAuthorizerCommand({
    restApiId: api, name: 'token-check', type: 'TOKEN', identitySource: 'method.request.header.Authorization', authorizerResultTtlInSeconds: 60,
    authorizerUri: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:123456789012:function:auth/invocations`,
  }))).id!;
  ids.poolAuth = (await rest.send(new CreateAuthorizerCommand({
    restApiId: api, name: 'users', type: 'COGNITO_USER_POOLS', identitySource: 'method.request.header.Authorization',
    providerARNs: [`arn:aws:cognito-idp:${region}:123456789012:userpool/${region}_pool1`],
  }))).id!;
  await rest.send(new UpdateStageCommand({
    restApiId: api, stageName: 'prod',
    patchOperations: [
      { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
      { op: 'replace', path: '/*/*/caching/enabled', value: 'true' },
      { op: 'replace', path: '/*/*/caching/dataEncrypted', value: 'true' },
    ],
  }));

  const v2 = new ApiGatewayV2Client(cfg);
  const ws = (await v2.send(new CreateApiCommand({ Name: 'chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }))).ApiId!;
  await v2.send(new CreateV2StageCommand({ ApiId: ws, StageName: 'live', DefaultRouteSettings: { LoggingLevel: 'ERROR' }, RouteSettings: { $connect: { LoggingLevel: 'OFF' } } }));
  await v2.send(new CreateV2StageCommand({ ApiId: ws, StageName: 'quiet' }));
  await v2.send(new CreateRouteCommand({ ApiId: ws, RouteKey: '$connect', AuthorizationType: 'AWS_IAM' }));
  const http = (await v2.send(new CreateApiCommand({ Name: 'items', ProtocolType: 'HTTP' }))).ApiId!;
  ids.open = (await v2.send(new CreateRouteCommand({ ApiId: http, RouteKey: 'GET /items' }))).RouteId!;
  ids.jwt = (await v2.send(new CreateRouteCommand({ ApiId: http, RouteKey: 'POST /items', AuthorizationType: 'JWT', AuthorizerId: 'auth1' }))).RouteId!;
  ids.http = http;

  db = await memoryDb();
  const result = await runSync({ db, endpoint: moto.endpoint, credentials: testCredentials, services: ['apigateway'], regions: [region] });
  expect(result.errors).toEqual([]);
}, 120_000);
afterAll(async () => {
  await moto?.stop();
});

describe('API Gateway FSBP stage settings against moto', () => {
  it('reads every authorizer of a REST API: its type, the Lambda function or user pools it uses, and its cache time', async () => {
    expect(await db.all(`SELECT arn, api_name, name, type, provider_arns, authorizer_uri, identity_source, result_ttl_seconds FROM aws_apigateway_authorizers ORDER BY name`)).toEqual([
      {
        arn: `arn:aws:apigateway:${region}::/restapis/${ids.rest}/authorizers/${ids.lambdaAuth}`, api_name: 'shop', name: 'token-check', type: 'TOKEN', provider_arns: [],
        authorizer_uri: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:123456789012:function:auth/invocations`,
        identity_source: 'method.request.header.Authorization', result_ttl_seconds: 60,
      },
      {
        arn: `arn:aws:apigateway:${region}::/restapis/${ids.rest}/authorizers/${ids.poolAuth}`, api_name: 'shop', name: 'users', type: 'COGNITO_USER_POOLS',
        provider_arns: [`arn:aws:cognito-idp:${region}:123456789012:userpool/${region}_pool1`], authorizer_uri: null,
        // Not set when created: AWS's default, 300 seconds, is what GetAuthorizers reports.
        identity_source: 'method.request.header.Authorization', result_ttl_seconds: 300,
      },
    ]);
  });

  it('reads every v2 route with its authorization type and authorizer', async () => {
    expect(await db.all(`SELECT api_name, protocol_type, route_key, authorization_type, authorizer_id FROM aws_apigatewayv2_routes ORDER BY api_name, route_key`)).toEqual([
      { api_name: 'chat', protocol_type: 'WEBSOCKET', route_key: '$connect', authorization_type: 'AWS_IAM', authorizer_id: null },
      { api_name: 'items', protocol_type: 'HTTP', route_key: 'GET /items', authorization_type: 'NONE', authorizer_id: null },
      { api_name: 'items', protocol_type: 'HTTP', route_key: 'POST /items', authorization_type: 'JWT', authorizer_id: 'auth1' },
    ]);
    const [route] = await db.all(`SELECT arn FROM aws_apigatewayv2_routes WHERE route_key = 'GET /items'`);
    expect(route).toEqual({ arn: `arn:aws:apigateway:${region}::/apis/${ids.http}/routes/${ids.open}` });
  });

  it('reads the method settings of REST API stages: execution logging level, caching and cache encryption', async () => {
    const rows = await db.all(`SELECT stage_name, method_settings, cache_cluster_enabled FROM aws_apigateway_stages ORDER BY stage_name`);
    expect(rows.map((r) => ({ ...r, method_settings: JSON.parse(String(r.method_settings)) }))).toEqual([
      { stage_name: 'dev', method_settings: {}, cache_cluster_enabled: false },
      { stage_name: 'prod', method_settings: { '*/*': { loggingLevel: 'INFO', cachingEnabled: true, cacheDataEncrypted: true } }, cache_cluster_enabled: true },
    ]);
  });

  it('reads the execution logging level of WebSocket stages and their route overrides', async () => {
    const rows = await db.all(`SELECT protocol_type, stage_name, default_route_logging_level, route_logging_levels FROM aws_apigatewayv2_stages ORDER BY stage_name`);
    expect(rows.map((r) => ({ ...r, route_logging_levels: JSON.parse(String(r.route_logging_levels)) }))).toEqual([
      { protocol_type: 'WEBSOCKET', stage_name: 'live', default_route_logging_level: 'ERROR', route_logging_levels: { $connect: 'OFF' } },
      { protocol_type: 'WEBSOCKET', stage_name: 'quiet', default_route_logging_level: 'OFF', route_logging_levels: {} },
    ]);
  });
});
