import { ApiGatewayV2Client, GetStagesCommand, type Api, type Stage } from '@aws-sdk/client-apigatewayv2';
import type { Row } from '../../schema/db.js';
import { awsApigatewayv2Stages } from '../../schema/apigateway.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { httpApis } from './apis.js';

const table = awsApigatewayv2Stages.name;

/** GetApis pages the HTTP and WebSocket APIs; GetStages (one per API, paged) returns their stages. */
export const v2StagesCollector: Collector = {
  service: 'apigateway',
  name: 'v2-stages',
  scope: 'regional',
  tables: [awsApigatewayv2Stages],
  async collect(ctx) {
    const client = ctx.client(ApiGatewayV2Client);
    const perApi = await ctx.map(await httpApis(ctx), (api) => stageRows(ctx, client, api));
    return { [table]: perApi.flat() };
  },
};

async function stageRows(ctx: SyncContext, client: ApiGatewayV2Client, api: Api): Promise<Row[]> {
  const stages: Stage[] = [];
  try {
    let token: string | undefined;
    do {
      const page = await client.send(new GetStagesCommand({ ApiId: api.ApiId, NextToken: token }));
      stages.push(...(page.Items ?? []));
      token = page.NextToken;
    } while (token);
  } catch (error) {
    if (isAwsError(error, 'NotFoundException')) return [];
    ctx.itemError(error, { operation: 'GetStages', table, resourceId: `arn:${ctx.partition}:apigateway:${ctx.region}::/apis/${api.ApiId}` });
    return [];
  }
  return stages.map((s) => ({
    arn: `arn:${ctx.partition}:apigateway:${ctx.region}::/apis/${api.ApiId}/stages/${s.StageName}`,
    api_id: api.ApiId,
    api_name: api.Name ?? null,
    protocol_type: api.ProtocolType ?? null,
    stage_name: s.StageName ?? null,
    auto_deploy: s.AutoDeploy ?? false,
    default_route_logging_level: s.DefaultRouteSettings?.LoggingLevel ?? null,
    route_logging_levels: Object.fromEntries(Object.entries(s.RouteSettings ?? {}).map(([key, r]) => [key, r.LoggingLevel ?? null])),
    access_log_destination_arn: s.AccessLogSettings?.DestinationArn || null,
    access_log_format: s.AccessLogSettings?.Format || null,
    raw: { ...s, ApiId: api.ApiId },
  }));
}
