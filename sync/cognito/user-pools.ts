import { CognitoIdentityProviderClient, DescribeUserPoolCommand, paginateListUserPools, type UserPoolDescriptionType } from '@aws-sdk/client-cognito-identity-provider';
import type { Row } from '../../schema/db.js';
import { awsCognitoUserPools } from '../../schema/cognito.js';
import { allItems } from '../ec2/shared.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsCognitoUserPools.name;

/** ListUserPools answers ids and names; the add-ons (threat protection) are only in DescribeUserPool. */
export const userPoolsCollector: Collector = {
  service: 'cognito',
  name: 'user-pools',
  scope: 'regional',
  tables: [awsCognitoUserPools],
  async collect(ctx) {
    const client = ctx.client(CognitoIdentityProviderClient);
    const items = await allItems(paginateListUserPools({ client }, { MaxResults: 60 }), (p) => p.UserPools);
    return { [table]: await ctx.map(items, (p) => poolRow(ctx, client, p)) };
  },
};

async function poolRow(ctx: SyncContext, client: CognitoIdentityProviderClient, p: UserPoolDescriptionType): Promise<Row> {
  const base = { arn: `arn:${ctx.partition}:cognito-idp:${ctx.region}:${ctx.accountId}:userpool/${p.Id}`, user_pool_id: p.Id ?? null, name: p.Name ?? null };
  try {
    const { UserPool: u } = await client.send(new DescribeUserPoolCommand({ UserPoolId: p.Id }));
    if (!u) throw new Error(`[sync] cognito DescribeUserPool answered without its UserPool element for ${p.Id}`);
    return {
      ...base,
      arn: u.Arn ?? base.arn,
      advanced_security_mode: u.UserPoolAddOns?.AdvancedSecurityMode ?? null,
      feature_plan: u.UserPoolTier ?? null,
      mfa_configuration: u.MfaConfiguration ?? null,
      configuration_read: true,
      raw: u,
    };
  } catch (error) {
    ctx.itemError(error, { operation: 'DescribeUserPool', table, resourceId: base.arn });
    return { ...base, configuration_read: false, raw: p };
  }
}
