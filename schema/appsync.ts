import { defineTable, type TableDef } from './table.js';

export const awsAppsyncGraphqlApis = defineTable({
  name: 'aws_appsync_graphql_apis',
  description: 'One row per AWS AppSync GraphQL API of the region, merged APIs included, with its logging configuration (ListGraphqlApis)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'GraphQL API ARN' },
    { name: 'api_id', type: 'VARCHAR', description: 'API id' },
    { name: 'name', type: 'VARCHAR', description: 'API name' },
    { name: 'api_type', type: 'VARCHAR', description: 'GRAPHQL or MERGED' },
    { name: 'authentication_type', type: 'VARCHAR', description: 'Default authorization (API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT, AWS_LAMBDA)' },
    { name: 'visibility', type: 'VARCHAR', description: 'GLOBAL or PRIVATE' },
    { name: 'log_configured', type: 'BOOLEAN', description: 'True when the API has a logConfig (false: no logging to CloudWatch at all)' },
    { name: 'field_log_level', type: 'VARCHAR', description: 'logConfig.fieldLogLevel: NONE, ERROR, INFO, DEBUG or ALL (null without a logConfig)' },
    { name: 'cloudwatch_logs_role_arn', type: 'VARCHAR', description: 'Role AppSync uses to write to CloudWatch Logs' },
    { name: 'xray_enabled', type: 'BOOLEAN', description: 'True when X-Ray tracing is on' },
    { name: 'waf_web_acl_arn', type: 'VARCHAR', description: 'WAF web ACL associated with the API, if any' },
    { name: 'tags', type: 'JSON', description: 'Tags as a {key: value} object' },
  ],
});

export const awsAppsyncApiCaches = defineTable({
  name: 'aws_appsync_api_caches',
  description: 'One row per AppSync GraphQL API of the region: whether it has a server-side cache and, if so, its encryption (GetApiCache per API; NotFoundException is the fact "no cache")',
  scope: 'regional',
  resourceId: 'api_arn',
  columns: [
    { name: 'api_arn', type: 'VARCHAR', description: 'GraphQL API ARN the cache belongs to' },
    { name: 'api_id', type: 'VARCHAR', description: 'API id' },
    { name: 'api_name', type: 'VARCHAR', description: 'API name' },
    { name: 'cache_configured', type: 'BOOLEAN', description: 'True when the API has a cache, false when GetApiCache answered NotFoundException, null when the call failed' },
    { name: 'at_rest_encryption_enabled', type: 'BOOLEAN', description: 'atRestEncryptionEnabled of the cache (null without one)' },
    { name: 'transit_encryption_enabled', type: 'BOOLEAN', description: 'transitEncryptionEnabled of the cache (null without one)' },
    { name: 'caching_behavior', type: 'VARCHAR', description: 'FULL_REQUEST_CACHING, PER_RESOLVER_CACHING or OPERATION_LEVEL_CACHING' },
    { name: 'cache_type', type: 'VARCHAR', description: 'Cache instance type (SMALL, MEDIUM, LARGE, …)' },
    { name: 'status', type: 'VARCHAR', description: 'AVAILABLE, CREATING, DELETING, MODIFYING or FAILED' },
    { name: 'ttl_seconds', type: 'BIGINT', description: 'Time to live of cached entries, in seconds' },
  ],
});

export const tables: TableDef[] = [awsAppsyncGraphqlApis, awsAppsyncApiCaches];
