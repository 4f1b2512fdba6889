import { AppSyncClient } from '@aws-sdk/client-appsync';
import { awsAppsyncGraphqlApis } from '../../schema/appsync.js';
import type { Collector } from '../types.js';
import { listGraphqlApis } from './list-apis.js';

/** ListGraphqlApis returns each API with its logConfig (field-level log level): no per-API call. */
export const graphqlApisCollector: Collector = {
  service: 'appsync',
  name: 'graphql-apis',
  scope: 'regional',
  tables: [awsAppsyncGraphqlApis],
  async collect(ctx) {
    const apis = await listGraphqlApis(ctx.client(AppSyncClient));
    return {
      [awsAppsyncGraphqlApis.name]: apis.map((api) => ({
        arn: api.arn ?? null,
        api_id: api.apiId ?? null,
        name: api.name ?? null,
        api_type: api.apiType ?? null,
        authentication_type: api.authenticationType ?? null,
        visibility: api.visibility ?? null,
        log_configured: api.logConfig !== undefined,
        field_log_level: api.logConfig?.fieldLogLevel ?? null,
        cloudwatch_logs_role_arn: api.logConfig?.cloudWatchLogsRoleArn ?? null,
        xray_enabled: api.xrayEnabled ?? null,
        waf_web_acl_arn: api.wafWebAclArn ?? null,
        tags: api.tags ?? {},
        raw: api,
      })),
    };
  },
};
