import { defineTable, type TableDef } from './table.js';

export const awsStepfunctionsStateMachines = defineTable({
  name: 'aws_stepfunctions_state_machines',
  description: 'One row per Step Functions state machine of the region (ListStateMachines, DescribeStateMachine; the definition is not stored)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'State machine ARN' },
    { name: 'name', type: 'VARCHAR', description: 'State machine name' },
    { name: 'type', type: 'VARCHAR', description: 'STANDARD or EXPRESS' },
    { name: 'status', type: 'VARCHAR', description: 'ACTIVE or DELETING' },
    { name: 'log_level', type: 'VARCHAR', description: 'loggingConfiguration.level: ALL, ERROR, FATAL or OFF; NULL when not reported' },
    { name: 'log_destinations', type: 'VARCHAR[]', description: 'CloudWatch Logs log groups the executions log to' },
    { name: 'tracing_enabled', type: 'BOOLEAN', description: 'X-Ray tracing' },
    { name: 'role_arn', type: 'VARCHAR', description: 'IAM role the state machine runs as' },
  ],
});

export const tables: TableDef[] = [awsStepfunctionsStateMachines];
