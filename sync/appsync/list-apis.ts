import { AppSyncClient, paginateListGraphqlApis, type GraphqlApi } from '@aws-sdk/client-appsync';

/** Every GraphQL API of the region (ListGraphqlApis, paged): each carries its logConfig, so no per-API call. */
export async function listGraphqlApis(client: AppSyncClient): Promise<GraphqlApi[]> {
  const apis: GraphqlApi[] = [];
  for await (const page of paginateListGraphqlApis({ client }, { maxResults: 25 })) {
    if (page.graphqlApis === undefined) throw new Error('[sync] appsync ListGraphqlApis answered without graphqlApis; the answer is incomplete');
    apis.push(...page.graphqlApis);
  }
  return apis;
}
