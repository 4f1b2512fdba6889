import { LambdaClient, paginateListFunctionUrlConfigs, type FunctionConfiguration, type FunctionUrlConfig } from '@aws-sdk/client-lambda';
import type { Row } from '../../schema/db.js';
import { awsLambdaFunctionUrls } from '../../schema/lambda-urls.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { listFunctions } from './functions.js';

const table = awsLambdaFunctionUrls.name;

/**
 * ListFunctions, then ListFunctionUrlConfigs per function: no call lists the URLs of a region, and the function
 * list does not say which functions have one. The list per function includes its aliases' URLs.
 */
export const functionUrlsCollector: Collector = {
  service: 'lambda',
  name: 'function-urls',
  scope: 'regional',
  tables: [awsLambdaFunctionUrls],
  async collect(ctx) {
    const client = ctx.client(LambdaClient);
    const perFunction = await ctx.map(await listFunctions(ctx), (f) => urlsOf(ctx, client, f));
    return { [table]: perFunction.flat() };
  },
};

async function urlsOf(ctx: SyncContext, client: LambdaClient, f: FunctionConfiguration): Promise<Row[]> {
  const configs: FunctionUrlConfig[] = [];
  try {
    for await (const page of paginateListFunctionUrlConfigs({ client }, { FunctionName: f.FunctionName })) {
      if (page.FunctionUrlConfigs === undefined) throw new Error(`[sync] lambda ListFunctionUrlConfigs answered without FunctionUrlConfigs for ${f.FunctionName}`);
      configs.push(...page.FunctionUrlConfigs);
    }
  } catch (error) {
    // Deleted between ListFunctions and this call: it has no URL any more.
    if (isAwsError(error, 'ResourceNotFoundException')) return [];
    // Any other failure puts the scope in error: a URL that could not be listed must not read as "no URL".
    throw error;
  }
  return configs.map((c) => ({
    function_arn: c.FunctionArn ?? f.FunctionArn ?? `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${f.FunctionName}`,
    function_name: f.FunctionName ?? null,
    function_url: c.FunctionUrl ?? null,
    auth_type: c.AuthType ?? null,
    invoke_mode: c.InvokeMode ?? null,
    cors: c.Cors ?? null,
    created_at: c.CreationTime ? new Date(c.CreationTime) : null,
    raw: c,
  }));
}
