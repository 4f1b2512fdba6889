import { defineTable, type TableDef } from './table.js';

export const awsCloudfrontDistributions = defineTable({
  name: 'aws_cloudfront_distributions',
  description: 'One row per CloudFront distribution of the account (a global service), with its access logging: legacy standard logging to S3 and standard logging v2 (CloudWatch Logs deliveries)',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Distribution ARN' },
    { name: 'id', type: 'VARCHAR', description: 'Distribution id (E…)' },
    { name: 'domain_name', type: 'VARCHAR', description: 'The *.cloudfront.net name' },
    { name: 'aliases', type: 'VARCHAR[]', description: 'Alternate domain names (CNAMEs)' },
    { name: 'enabled', type: 'BOOLEAN', description: 'True when the distribution serves requests' },
    { name: 'status', type: 'VARCHAR', description: 'Deployed or InProgress' },
    { name: 'legacy_logging_enabled', type: 'BOOLEAN', description: 'GetDistributionConfig Logging.Enabled (standard logging to an S3 bucket); NULL when the call failed' },
    { name: 'legacy_logging_bucket', type: 'VARCHAR', description: 'Bucket receiving legacy standard logs' },
    { name: 'legacy_logging_prefix', type: 'VARCHAR', description: 'Key prefix of legacy standard logs' },
    { name: 'v2_log_destinations', type: 'VARCHAR[]', description: 'Destinations of standard logging v2: delivery destination ARNs of CloudWatch Logs deliveries whose source is this distribution (ACCESS_LOGS); NULL when they could not be read' },
    { name: 'access_logging_enabled', type: 'BOOLEAN', description: 'True when either legacy or v2 standard logging delivers access logs; NULL when unknown' },
    { name: 'web_acl_id', type: 'VARCHAR', description: 'AWS WAF web ACL attached, if any' },
  ],
});

export const tables: TableDef[] = [awsCloudfrontDistributions];
