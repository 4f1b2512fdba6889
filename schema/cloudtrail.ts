import { defineTable, type TableDef } from './table.js';

/**
 * One row per trail the account can see (its own, and an organization trail it is a member of), read in the
 * trail's home region so a multi-region trail appears once. Status and event selectors come from the home
 * region too: that is the only region that answers GetEventSelectors for a trail.
 */
export const awsCloudtrailTrails = defineTable({
  name: 'aws_cloudtrail_trails',
  description: "One row per CloudTrail trail the account sees (its own and organization trails), read in the trail's home region; region is that home region, or the first scanned region for a multi-region trail homed in a region the sync did not scan",
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Trail ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Trail name' },
    { name: 'home_region', type: 'VARCHAR', description: 'Region the trail was created in (the only one that answers GetEventSelectors)' },
    { name: 'is_multi_region', type: 'BOOLEAN', description: 'True when the trail logs events of every region' },
    { name: 'is_organization_trail', type: 'BOOLEAN', description: 'True for an AWS Organizations trail' },
    { name: 'is_logging', type: 'BOOLEAN', description: 'GetTrailStatus IsLogging: false when logging was stopped' },
    { name: 'include_global_service_events', type: 'BOOLEAN', description: 'True when events of global services (IAM, STS, CloudFront) are logged' },
    { name: 'log_file_validation_enabled', type: 'BOOLEAN', description: 'True when CloudTrail writes signed digest files' },
    { name: 's3_bucket_name', type: 'VARCHAR', description: 'Bucket the trail delivers log files to' },
    { name: 's3_key_prefix', type: 'VARCHAR', description: 'Key prefix of the log files, if any' },
    { name: 'sns_topic_arn', type: 'VARCHAR', description: 'Topic notified of each log file delivery, if any' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key ARN encrypting the log files; NULL when SSE-S3 is used' },
    { name: 'cloudwatch_logs_log_group_arn', type: 'VARCHAR', description: 'CloudWatch Logs group the trail delivers to; NULL when none' },
    { name: 'cloudwatch_logs_role_arn', type: 'VARCHAR', description: 'Role CloudTrail assumes to write to the log group' },
    { name: 'latest_cloudwatch_logs_delivery_time', type: 'TIMESTAMP', description: 'Last successful delivery to CloudWatch Logs (GetTrailStatus); NULL when CloudTrail reports none' },
    { name: 'latest_cloudwatch_logs_delivery_error', type: 'VARCHAR', description: 'Error of the last failed delivery to CloudWatch Logs (GetTrailStatus); NULL when none is reported' },
    { name: 'selectors_source', type: 'VARCHAR', description: "Where the management/data event settings come from: 'classic', 'advanced', or 'none' when GetEventSelectors returned no selector at all (read literally: the trail records nothing)" },
    { name: 'include_management_events', type: 'BOOLEAN', description: 'True when some event selector records management events' },
    { name: 'read_write_type', type: 'VARCHAR', description: "Management events recorded: All, ReadOnly, WriteOnly (union over selectors); NULL when none" },
    { name: 'excluded_management_event_sources', type: 'VARCHAR[]', description: 'Event sources left out of management events (ExcludeManagementEventSources, or eventSource NotEquals in advanced selectors)' },
    { name: 's3_object_write_arns', type: 'VARCHAR[]', description: "S3 objects whose write data events are recorded whole: 'arn:<partition>:s3:::' for all buckets, 'arn:<partition>:s3:::<bucket>/' for one bucket" },
    { name: 's3_object_read_arns', type: 'VARCHAR[]', description: 'Same as s3_object_write_arns, for read data events' },
    { name: 'event_selectors', type: 'JSON', description: 'GetEventSelectors EventSelectors (classic), as returned' },
    { name: 'advanced_event_selectors', type: 'JSON', description: 'GetEventSelectors AdvancedEventSelectors, as returned' },
    { name: 'has_insight_selectors', type: 'BOOLEAN', description: 'True when CloudTrail Insights is enabled on the trail' },
  ],
});

export const tables: TableDef[] = [awsCloudtrailTrails];
