import { defineTable, type TableDef } from './table.js';

const scopeColumn = { name: 'scope', type: 'VARCHAR', description: "REGIONAL (the region's resources) or CLOUDFRONT (distributions; synced with us-east-1)" } as const;

export const awsWafv2WebAcls = defineTable({
  name: 'aws_wafv2_web_acls',
  description: 'One row per AWS WAF (v2) web ACL: the regional ones of each region, the CloudFront ones with us-east-1 (ListWebACLs, GetWebACL, ListLoggingConfigurations)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Web ACL ARN' },
    { name: 'id', type: 'VARCHAR', description: 'Web ACL id' },
    { name: 'name', type: 'VARCHAR', description: 'Web ACL name' },
    scopeColumn,
    { name: 'default_action', type: 'VARCHAR', description: 'ALLOW or BLOCK: what the ACL does with a request no rule decides' },
    { name: 'rule_count', type: 'INTEGER', description: 'Rules and rule group references in the ACL; NULL when GetWebACL failed' },
    { name: 'rule_names', type: 'VARCHAR[]', description: 'Names of those rules' },
    { name: 'metrics_enabled', type: 'BOOLEAN', description: "The ACL's own VisibilityConfig.CloudWatchMetricsEnabled (requests the default action decides)" },
    { name: 'rules_without_metrics', type: 'VARCHAR[]', description: 'Rules whose VisibilityConfig.CloudWatchMetricsEnabled is false' },
    { name: 'logging_enabled', type: 'BOOLEAN', description: 'A logging configuration exists for the ACL (ListLoggingConfigurations); false is a fact, not an error' },
    { name: 'log_destinations', type: 'VARCHAR[]', description: 'Where the ACL logs go (Firehose, CloudWatch Logs group or S3 bucket ARNs)' },
    { name: 'capacity', type: 'BIGINT', description: 'Web ACL capacity units used' },
  ],
});

export const awsWafv2RuleGroups = defineTable({
  name: 'aws_wafv2_rule_groups',
  description: 'One row per AWS WAF (v2) rule group the account owns: regional ones per region, CloudFront ones with us-east-1 (ListRuleGroups, GetRuleGroup)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Rule group ARN' },
    { name: 'id', type: 'VARCHAR', description: 'Rule group id' },
    { name: 'name', type: 'VARCHAR', description: 'Rule group name' },
    scopeColumn,
    { name: 'rule_count', type: 'INTEGER', description: 'Rules in the group; NULL when GetRuleGroup failed' },
    { name: 'metrics_enabled', type: 'BOOLEAN', description: "The group's VisibilityConfig.CloudWatchMetricsEnabled" },
    { name: 'rules_without_metrics', type: 'VARCHAR[]', description: 'Rules of the group whose VisibilityConfig.CloudWatchMetricsEnabled is false' },
    { name: 'capacity', type: 'BIGINT', description: 'Capacity units the group reserves' },
  ],
});

export const tables: TableDef[] = [awsWafv2WebAcls, awsWafv2RuleGroups];
