import { APIGatewayClient, paginateGetRestApis, type RestApi } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand, type Api } from '@aws-sdk/client-apigatewayv2';
import type { SyncContext } from '../types.js';

/**
 * The region's REST APIs (GetRestApis, paged), asked once per sync for both collectors that read them (stages and
 * authorizers): SyncContext.shared. APIs without an id (never seen, typed optional) are left out.
 */
export function restApis(ctx: SyncContext): Promise<RestApi[]> {
  return ctx.shared('GetRestApis', async () => {
    const client = ctx.client(APIGatewayClient);
    const apis: RestApi[] = [];
    for await (const page of paginateGetRestApis({ client }, { limit: 500 })) apis.push(...(page.items ?? []));
    return apis.filter((a) => a.id);
  });
}

/** The region's HTTP and WebSocket APIs (GetApis), once per sync for the stages and routes collectors. */
export function httpApis(ctx: SyncContext): Promise<Api[]> {
  return ctx.shared('GetApis', async () => {
    const client = ctx.client(ApiGatewayV2Client);
    // The SDK ships no paginator for GetApis; NextToken is followed by hand.
    const apis: Api[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new GetApisCommand({ NextToken: token, MaxResults: '500' }));
      apis.push(...(page.Items ?? []));
      token = page.NextToken;
    } while (token);
    return apis.filter((a) => a.ApiId);
  });
}
