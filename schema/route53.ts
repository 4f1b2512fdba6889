import { defineTable, type TableDef } from './table.js';

export const awsRoute53HostedZones = defineTable({
  name: 'aws_route53_hosted_zones',
  description: 'One row per Route 53 hosted zone of the account (a global service), with its DNS query logging configuration (ListHostedZones, ListQueryLoggingConfigs)',
  scope: 'global',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:route53:::hostedzone/<id>' },
    { name: 'hosted_zone_id', type: 'VARCHAR', description: 'Zone id without the /hostedzone/ prefix' },
    { name: 'name', type: 'VARCHAR', description: 'Domain name of the zone (with its trailing dot)' },
    { name: 'private_zone', type: 'BOOLEAN', description: 'True for a private zone (answers only inside its VPCs); false for a public one' },
    { name: 'record_set_count', type: 'BIGINT', description: 'Record sets in the zone' },
    { name: 'query_logging_config_id', type: 'VARCHAR', description: 'Query logging configuration of the zone; NULL when the zone logs no queries' },
    { name: 'query_log_group_arn', type: 'VARCHAR', description: 'CloudWatch Logs log group the queries are logged to' },
  ],
});

export const tables: TableDef[] = [awsRoute53HostedZones];
