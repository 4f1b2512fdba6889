import { defineTable, type TableDef } from './table.js';

// Its own table and collector (not columns of aws_guardduty_detectors): a failed statistics call must not put the
// detector facts, which decide whether GuardDuty is on, in error.
export const awsGuarddutyFindingCounts = defineTable({
  name: 'aws_guardduty_finding_counts',
  description:
    "One row per GuardDuty detector of the region: how many current (not archived) findings it holds in each of GuardDuty's severity bands (GetFindingsStatistics grouped by severity)",
  scope: 'regional',
  resourceId: 'detector_arn',
  columns: [
    { name: 'detector_arn', type: 'VARCHAR', description: 'arn:<partition>:guardduty:<region>:<account>:detector/<id> (aws_guardduty_detectors.arn)' },
    { name: 'detector_id', type: 'VARCHAR', description: 'Detector id' },
    { name: 'critical', type: 'INTEGER', description: 'Current findings of severity 9.0–10.0 (Critical)' },
    { name: 'high', type: 'INTEGER', description: 'Current findings of severity 7.0–8.9 (High)' },
    { name: 'medium', type: 'INTEGER', description: 'Current findings of severity 4.0–6.9 (Medium)' },
    { name: 'low', type: 'INTEGER', description: 'Current findings of severity 1.0–3.9 (Low)' },
    { name: 'latest_high_or_critical_at', type: 'TIMESTAMP', description: 'When the newest High or Critical finding was last generated; NULL when there is none' },
  ],
});

export const tables: TableDef[] = [awsGuarddutyFindingCounts];
