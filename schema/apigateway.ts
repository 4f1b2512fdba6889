import { defineTable, type ColumnDef, type TableDef } from './table.js';

const accessLog: readonly ColumnDef[] = [
  { name: 'access_log_destination_arn', type: 'VARCHAR', description: 'CloudWatch Logs group or Firehose stream receiving access logs; NULL when access logging is off' },
  { name: 'access_log_format', type: 'VARCHAR', description: 'Access log format' },
];

export const awsApigatewayStages = defineTable({
  name: 'aws_apigateway_stages',
  description: 'One row per stage of every REST API (API Gateway v1) of the region, with its access log settings',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:apigateway:<region>::/restapis/<api id>/stages/<stage>' },
    { name: 'rest_api_id', type: 'VARCHAR', description: 'REST API id' },
    { name: 'api_name', type: 'VARCHAR', description: 'REST API name' },
    { name: 'stage_name', type: 'VARCHAR', description: 'Stage name' },
    { name: 'deployment_id', type: 'VARCHAR', description: 'Deployment the stage serves' },
    ...accessLog,
    { name: 'tracing_enabled', type: 'BOOLEAN', description: 'True when X-Ray tracing is on' },
    { name: 'web_acl_arn', type: 'VARCHAR', description: 'AWS WAF web ACL associated with the stage' },
    { name: 'client_certificate_id', type: 'VARCHAR', description: 'Client certificate presented to the backend' },
    { name: 'method_settings', type: 'JSON', description: "GetStages methodSettings: per method key ('*/*' is the stage's default, '<resource path>/<HTTP method>' an override) its loggingLevel (OFF, ERROR, INFO), cachingEnabled and cacheDataEncrypted; {} when the stage has none" },
    { name: 'cache_cluster_enabled', type: 'BOOLEAN', description: 'cacheClusterEnabled: the stage has a cache cluster' },
  ],
});

export const awsApigatewayAuthorizers = defineTable({
  name: 'aws_apigateway_authorizers',
  description: 'One row per authorizer of every REST API (API Gateway v1) of the region (GetAuthorizers): Lambda (TOKEN, REQUEST) or Cognito user pool authorizers',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:apigateway:<region>::/restapis/<api id>/authorizers/<authorizer id>' },
    { name: 'rest_api_id', type: 'VARCHAR', description: 'REST API id' },
    { name: 'api_name', type: 'VARCHAR', description: 'REST API name' },
    { name: 'authorizer_id', type: 'VARCHAR', description: 'Authorizer id (what a method names as its authorizerId)' },
    { name: 'name', type: 'VARCHAR', description: 'Authorizer name' },
    { name: 'type', type: 'VARCHAR', description: 'TOKEN or REQUEST (a Lambda function decides) or COGNITO_USER_POOLS' },
    { name: 'provider_arns', type: 'VARCHAR[]', description: 'Cognito user pools of a COGNITO_USER_POOLS authorizer; [] for Lambda authorizers' },
    { name: 'authorizer_uri', type: 'VARCHAR', description: 'Invocation URI of a Lambda authorizer (it names the function ARN); NULL for Cognito' },
    { name: 'authorizer_credentials', type: 'VARCHAR', description: 'IAM role API Gateway assumes to invoke the Lambda authorizer; NULL when the function\'s resource policy allows it' },
    { name: 'identity_source', type: 'VARCHAR', description: "Where the caller's identity is read (e.g. method.request.header.Authorization)" },
    { name: 'result_ttl_seconds', type: 'INTEGER', description: 'authorizerResultTtlInSeconds: how long a decision is cached (0: not cached; AWS reports 300 when none was set)' },
  ],
});

export const awsApigatewayv2Stages = defineTable({
  name: 'aws_apigatewayv2_stages',
  description: 'One row per stage of every HTTP or WebSocket API (API Gateway v2) of the region, with its access log settings',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:apigateway:<region>::/apis/<api id>/stages/<stage>' },
    { name: 'api_id', type: 'VARCHAR', description: 'API id' },
    { name: 'api_name', type: 'VARCHAR', description: 'API name' },
    { name: 'protocol_type', type: 'VARCHAR', description: 'HTTP or WEBSOCKET' },
    { name: 'stage_name', type: 'VARCHAR', description: 'Stage name ($default for the default stage)' },
    { name: 'auto_deploy', type: 'BOOLEAN', description: 'True when changes deploy automatically' },
    { name: 'default_route_logging_level', type: 'VARCHAR', description: 'DefaultRouteSettings.LoggingLevel: execution logging of WebSocket APIs (OFF, ERROR, INFO); NULL when not set (off) and for HTTP APIs, which have none' },
    { name: 'route_logging_levels', type: 'JSON', description: 'RouteSettings: {route key: LoggingLevel} overrides of single routes; {} when none' },
    ...accessLog,
  ],
});

export const awsApigatewayv2Routes = defineTable({
  name: 'aws_apigatewayv2_routes',
  description: 'One row per route of every HTTP or WebSocket API (API Gateway v2) of the region, with its authorization type (GetRoutes)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:apigateway:<region>::/apis/<api id>/routes/<route id>' },
    { name: 'api_id', type: 'VARCHAR', description: 'API id' },
    { name: 'api_name', type: 'VARCHAR', description: 'API name' },
    { name: 'protocol_type', type: 'VARCHAR', description: 'HTTP or WEBSOCKET' },
    { name: 'route_id', type: 'VARCHAR', description: 'Route id' },
    { name: 'route_key', type: 'VARCHAR', description: "Route key ('GET /items', '$default', '$connect', …)" },
    { name: 'authorization_type', type: 'VARCHAR', description: 'NONE, AWS_IAM, CUSTOM (Lambda authorizer) or JWT; NULL when not reported' },
    { name: 'authorizer_id', type: 'VARCHAR', description: 'Authorizer of a CUSTOM or JWT route' },
  ],
});

export const tables: TableDef[] = [awsApigatewayStages, awsApigatewayAuthorizers, awsApigatewayv2Stages, awsApigatewayv2Routes];
