import { AppSyncClient, GetApiCacheCommand, type ApiCache, type GraphqlApi } from '@aws-sdk/client-appsync';
import { awsAppsyncApiCaches } from '../../schema/appsync.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { listGraphqlApis } from './list-apis.js';

const table = awsAppsyncApiCaches.name;

/**
 * No list call carries an API's cache: GetApiCache is one call per API, and its NotFoundException is the fact
 * "this API has no cache" (a row with cache_configured false). Any other failure is an item error, so the cache
 * checks report ERROR rather than PASS for the region.
 */
export const apiCachesCollector: Collector = {
  service: 'appsync',
  name: 'api-caches',
  scope: 'regional',
  tables: [awsAppsyncApiCaches],
  async collect(ctx) {
    const client = ctx.client(AppSyncClient);
    const apis = await listGraphqlApis(client);
    return { [table]: await ctx.map(apis, (api) => cacheRow(ctx, client, api)) };
  },
};

async function cacheRow(ctx: SyncContext, client: AppSyncClient, api: GraphqlApi) {
  let cache: ApiCache | undefined;
  let configured: boolean | null = null;
  try {
    cache = (await client.send(new GetApiCacheCommand({ apiId: api.apiId }))).apiCache;
    if (cache === undefined) throw new Error('[sync] appsync GetApiCache answered without apiCache; the answer is incomplete');
    configured = true;
  } catch (error) {
    if (isAwsError(error, 'NotFoundException')) configured = false;
    else ctx.itemError(error, { operation: 'GetApiCache', table, resourceId: api.arn });
  }
  return {
    api_arn: api.arn ?? null,
    api_id: api.apiId ?? null,
    api_name: api.name ?? null,
    cache_configured: configured,
    at_rest_encryption_enabled: cache?.atRestEncryptionEnabled ?? null,
    transit_encryption_enabled: cache?.transitEncryptionEnabled ?? null,
    caching_behavior: cache?.apiCachingBehavior ?? null,
    cache_type: cache?.type ?? null,
    status: cache?.status ?? null,
    ttl_seconds: cache?.ttl ?? null,
    raw: { apiCache: cache ?? null },
  };
}
