import { GetPolicyCommand, LambdaClient, paginateListFunctions, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { Row } from '../../schema/db.js';
import { awsLambdaFunctions } from '../../schema/lambda.js';
import { isAwsError } from '../errors.js';
import { resourcePolicyRow } from '../resource-policy.js';
import { allItems } from '../ec2/shared.js';
import type { Collector, SyncContext } from '../types.js';

/** The region's functions (ListFunctions), listed once per sync for the functions and function URLs collectors (SyncContext.shared). */
export function listFunctions(ctx: SyncContext): Promise<FunctionConfiguration[]> {
  return ctx.shared('ListFunctions', () => allItems(paginateListFunctions({ client: ctx.client(LambdaClient) }, {}), (p) => p.Functions));
}

const table = awsLambdaFunctions.name;

/** ListFunctions pages the configurations; the resource-based policy needs GetPolicy per function (no list form). */
export const functionsCollector: Collector = {
  service: 'lambda',
  name: 'functions',
  scope: 'regional',
  tables: [awsLambdaFunctions],
  async collect(ctx) {
    const client = ctx.client(LambdaClient);
    const rows = await ctx.map(await listFunctions(ctx), (f) => functionRow(ctx, client, f));
    return { [table]: rows };
  },
};

async function functionRow(ctx: SyncContext, client: LambdaClient, f: FunctionConfiguration): Promise<Row> {
  const arn = f.FunctionArn ?? `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${f.FunctionName}`;
  const where = { operation: 'GetPolicy', table, resourceId: arn };
  let policy: string | null | undefined;
  try {
    policy = (await client.send(new GetPolicyCommand({ FunctionName: arn }))).Policy ?? null;
  } catch (error) {
    // ResourceNotFoundException is Lambda's answer for a function without a resource-based policy.
    if (isAwsError(error, 'ResourceNotFoundException')) policy = null;
    else ctx.itemError(error, where);
  }
  return {
    arn,
    function_name: f.FunctionName ?? null,
    runtime: f.Runtime ?? null,
    role: f.Role ?? null,
    package_type: f.PackageType ?? null,
    vpc_id: f.VpcConfig?.VpcId || null,
    subnet_ids: f.VpcConfig?.SubnetIds ?? [],
    last_modified: f.LastModified ? new Date(f.LastModified) : null,
    ...resourcePolicyRow(policy, ctx, where),
    raw: f,
  };
}
