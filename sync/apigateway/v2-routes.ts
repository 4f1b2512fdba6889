import { ApiGatewayV2Client, GetRoutesCommand, type Api, type Route } from '@aws-sdk/client-apigatewayv2';
import type { Row } from '../../schema/db.js';
import { awsApigatewayv2Routes } from '../../schema/apigateway.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { httpApis } from './apis.js';

const table = awsApigatewayv2Routes.name;

/** GetApis pages the HTTP and WebSocket APIs; GetRoutes (one per API, paged) returns every route with its authorization. */
export const v2RoutesCollector: Collector = {
  service: 'apigateway',
  name: 'v2-routes',
  scope: 'regional',
  tables: [awsApigatewayv2Routes],
  async collect(ctx) {
    const client = ctx.client(ApiGatewayV2Client);
    const perApi = await ctx.map(await httpApis(ctx), (api) => routeRows(ctx, client, api));
    return { [table]: perApi.flat() };
  },
};

async function routeRows(ctx: SyncContext, client: ApiGatewayV2Client, api: Api): Promise<Row[]> {
  const routes: Route[] = [];
  try {
    let token: string | undefined;
    do {
      const page = await client.send(new GetRoutesCommand({ ApiId: api.ApiId, NextToken: token }));
      routes.push(...(page.Items ?? []));
      token = page.NextToken;
    } while (token);
  } catch (error) {
    // Deleted between GetApis and this call.
    if (isAwsError(error, 'NotFoundException')) return [];
    // An API whose routes are unknown must not look like one without routes: the scope fails and stays stale.
    throw error;
  }
  return routes.filter((r) => r.RouteId).map((r) => ({
    arn: `arn:${ctx.partition}:apigateway:${ctx.region}::/apis/${api.ApiId}/routes/${r.RouteId}`,
    api_id: api.ApiId,
    api_name: api.Name ?? null,
    protocol_type: api.ProtocolType ?? null,
    route_id: r.RouteId,
    route_key: r.RouteKey ?? null,
    authorization_type: r.AuthorizationType ?? null,
    authorizer_id: r.AuthorizerId || null,
    raw: { ...r, ApiId: api.ApiId },
  }));
}
