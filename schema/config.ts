import { defineTable, type TableDef } from './table.js';

export const awsConfigRecorders = defineTable({
  name: 'aws_config_recorders',
  description: 'One row per AWS Config configuration recorder and region, with what it records and whether it is recording',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:config:<region>:<account>:config-recorder/<name> (built by Calabi; AWS gives none)' },
    { name: 'name', type: 'VARCHAR', description: 'Recorder name (usually default)' },
    { name: 'role_arn', type: 'VARCHAR', description: 'Role the recorder uses to read resource configurations' },
    { name: 'all_supported', type: 'BOOLEAN', description: 'recordingGroup.allSupported: every supported resource type is recorded' },
    { name: 'include_global_resource_types', type: 'BOOLEAN', description: 'recordingGroup.includeGlobalResourceTypes: IAM and other global resources are recorded' },
    { name: 'resource_types', type: 'VARCHAR[]', description: 'recordingGroup.resourceTypes when only some types are recorded' },
    { name: 'recording_strategy', type: 'VARCHAR', description: 'recordingGroup.recordingStrategy.useOnly, when given' },
    { name: 'recording', type: 'BOOLEAN', description: 'DescribeConfigurationRecorderStatus recording: the recorder is running' },
    { name: 'last_status', type: 'VARCHAR', description: 'Outcome of the last recording attempt: Pending, Success or Failure' },
    { name: 'last_status_change_time', type: 'TIMESTAMP', description: 'When last_status last changed' },
    { name: 'last_error_code', type: 'VARCHAR', description: 'Error of the last failed recording attempt, if any' },
  ],
});

export const awsConfigDeliveryChannels = defineTable({
  name: 'aws_config_delivery_channels',
  description: 'One row per AWS Config delivery channel and region: where configuration snapshots and history go',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:config:<region>:<account>:delivery-channel/<name> (built by Calabi)' },
    { name: 'name', type: 'VARCHAR', description: 'Delivery channel name' },
    { name: 's3_bucket_name', type: 'VARCHAR', description: 'Bucket receiving snapshots and history files' },
    { name: 's3_key_prefix', type: 'VARCHAR', description: 'Key prefix in that bucket, if any' },
    { name: 's3_kms_key_arn', type: 'VARCHAR', description: 'KMS key encrypting delivered objects, if any' },
    { name: 'sns_topic_arn', type: 'VARCHAR', description: 'Topic notified of configuration changes, if any' },
    { name: 'delivery_frequency', type: 'VARCHAR', description: 'configSnapshotDeliveryProperties.deliveryFrequency, if set' },
  ],
});

export const tables: TableDef[] = [awsConfigRecorders, awsConfigDeliveryChannels];
