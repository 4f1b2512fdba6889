import { APIGatewayClient, GetAuthorizersCommand, type Authorizer, type RestApi } from '@aws-sdk/client-api-gateway';
import type { Row } from '../../schema/db.js';
import { awsApigatewayAuthorizers } from '../../schema/apigateway.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { restApis } from './apis.js';

const table = awsApigatewayAuthorizers.name;

/**
 * GetRestApis pages the REST APIs; GetAuthorizers (per API: no call lists the authorizers of several APIs) pages
 * each one's authorizers by `position`.
 */
export const restApiAuthorizersCollector: Collector = {
  service: 'apigateway',
  name: 'rest-api-authorizers',
  scope: 'regional',
  tables: [awsApigatewayAuthorizers],
  async collect(ctx) {
    const client = ctx.client(APIGatewayClient);
    const perApi = await ctx.map(await restApis(ctx), (api) => authorizerRows(ctx, client, api));
    return { [table]: perApi.flat() };
  },
};

async function authorizerRows(ctx: SyncContext, client: APIGatewayClient, api: RestApi): Promise<Row[]> {
  const authorizers: Authorizer[] = [];
  try {
    let position: string | undefined;
    do {
      const page = await client.send(new GetAuthorizersCommand({ restApiId: api.id, limit: 500, position }));
      authorizers.push(...(page.items ?? []));
      position = page.position;
    } while (position);
  } catch (error) {
    // Deleted between GetRestApis and this call.
    if (isAwsError(error, 'NotFoundException')) return [];
    ctx.itemError(error, { operation: 'GetAuthorizers', table, resourceId: `arn:${ctx.partition}:apigateway:${ctx.region}::/restapis/${api.id}` });
    return [];
  }
  return authorizers.map((a) => ({
    arn: `arn:${ctx.partition}:apigateway:${ctx.region}::/restapis/${api.id}/authorizers/${a.id}`,
    rest_api_id: api.id,
    api_name: api.name ?? null,
    authorizer_id: a.id ?? null,
    name: a.name ?? null,
    type: a.type ?? null,
    provider_arns: a.providerARNs ?? [],
    authorizer_uri: a.authorizerUri || null,
    authorizer_credentials: a.authorizerCredentials || null,
    identity_source: a.identitySource || null,
    result_ttl_seconds: a.authorizerResultTtlInSeconds ?? null,
    raw: { ...a, restApiId: api.id },
  }));
}
