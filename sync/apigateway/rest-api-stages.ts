import { APIGatewayClient, GetStagesCommand, type RestApi, type Stage } from '@aws-sdk/client-api-gateway';
import type { Row } from '../../schema/db.js';
import { awsApigatewayStages } from '../../schema/apigateway.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { restApis } from './apis.js';

const table = awsApigatewayStages.name;

/** GetRestApis pages the REST APIs; GetStages (one per API) returns all of its stages with their access log settings. */
export const restApiStagesCollector: Collector = {
  service: 'apigateway',
  name: 'rest-api-stages',
  scope: 'regional',
  tables: [awsApigatewayStages],
  async collect(ctx) {
    const client = ctx.client(APIGatewayClient);
    const perApi = await ctx.map(await restApis(ctx), (api) => stageRows(ctx, client, api));
    return { [table]: perApi.flat() };
  },
};

async function stageRows(ctx: SyncContext, client: APIGatewayClient, api: RestApi): Promise<Row[]> {
  let stages: Stage[];
  try {
    stages = (await client.send(new GetStagesCommand({ restApiId: api.id }))).item ?? [];
  } catch (error) {
    // Deleted between GetRestApis and this call.
    if (isAwsError(error, 'NotFoundException')) return [];
    ctx.itemError(error, { operation: 'GetStages', table, resourceId: `arn:${ctx.partition}:apigateway:${ctx.region}::/restapis/${api.id}` });
    return [];
  }
  return stages.map((s) => ({
    arn: `arn:${ctx.partition}:apigateway:${ctx.region}::/restapis/${api.id}/stages/${s.stageName}`,
    rest_api_id: api.id,
    api_name: api.name ?? null,
    stage_name: s.stageName ?? null,
    deployment_id: s.deploymentId ?? null,
    access_log_destination_arn: s.accessLogSettings?.destinationArn || null,
    access_log_format: s.accessLogSettings?.format || null,
    tracing_enabled: s.tracingEnabled ?? false,
    web_acl_arn: s.webAclArn || null,
    client_certificate_id: s.clientCertificateId || null,
    method_settings: Object.fromEntries(Object.entries(s.methodSettings ?? {}).map(([key, m]) => [
      key, { loggingLevel: m.loggingLevel ?? null, cachingEnabled: m.cachingEnabled ?? null, cacheDataEncrypted: m.cacheDataEncrypted ?? null },
    ])),
    cache_cluster_enabled: s.cacheClusterEnabled ?? false,
    raw: { ...s, restApiId: api.id },
  }));
}
