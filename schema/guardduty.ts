import { defineTable, type TableDef } from './table.js';

export const awsGuarddutyDetectors = defineTable({
  name: 'aws_guardduty_detectors',
  description:
    'One row per GuardDuty detector of the region (ListDetectors, GetDetector); a region without any detector has one row with detector_id NULL and status NO_DETECTOR: a fact, not missing data',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'arn:<partition>:guardduty:<region>:<account>:detector/<id>; the region-level arn:<partition>:guardduty:<region>:<account> for the NO_DETECTOR row' },
    { name: 'detector_id', type: 'VARCHAR', description: 'Detector id; NULL when the region has no detector' },
    { name: 'status', type: 'VARCHAR', description: 'ENABLED or DISABLED (GetDetector), NO_DETECTOR when ListDetectors returned none' },
    { name: 'finding_publishing_frequency', type: 'VARCHAR', description: 'FIFTEEN_MINUTES, ONE_HOUR or SIX_HOURS' },
    { name: 's3_logs_status', type: 'VARCHAR', description: 'S3 protection as the deprecated dataSources.s3Logs reports it (ENABLED/DISABLED); features supersede it' },
    { name: 'service_role', type: 'VARCHAR', description: 'Service-linked role GuardDuty uses' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the detector was created' },
    { name: 'updated_at', type: 'TIMESTAMP', description: 'When the detector was last updated' },
  ],
});

export const awsGuarddutyDetectorFeatures = defineTable({
  name: 'aws_guardduty_detector_features',
  description: "One row per protection feature a detector reports in GetDetector's features (S3_DATA_EVENTS, RDS_LOGIN_EVENTS, EKS_AUDIT_LOGS, …)",
  scope: 'regional',
  resourceId: 'feature_arn',
  columns: [
    { name: 'feature_arn', type: 'VARCHAR', description: "The detector's ARN and '/feature/<name>', to name one row" },
    { name: 'detector_arn', type: 'VARCHAR', description: 'ARN of the detector (aws_guardduty_detectors.arn)' },
    { name: 'detector_id', type: 'VARCHAR', description: 'Detector id' },
    { name: 'name', type: 'VARCHAR', description: 'Feature name: S3_DATA_EVENTS, RDS_LOGIN_EVENTS, EKS_AUDIT_LOGS, EBS_MALWARE_PROTECTION, LAMBDA_NETWORK_LOGS, RUNTIME_MONITORING, …' },
    { name: 'status', type: 'VARCHAR', description: 'ENABLED or DISABLED' },
    { name: 'additional_configuration', type: 'JSON', description: 'Sub-features (agent management and the like) with their status' },
    { name: 'updated_at', type: 'TIMESTAMP', description: 'When the feature was last updated' },
  ],
});

export const tables: TableDef[] = [awsGuarddutyDetectors, awsGuarddutyDetectorFeatures];
