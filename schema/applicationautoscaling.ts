import { defineTable, type TableDef } from './table.js';

export const awsApplicationautoscalingScalableTargets = defineTable({
  name: 'aws_applicationautoscaling_scalable_targets',
  description: 'One row per Application Auto Scaling scalable target of the region in the dynamodb namespace: a table or global secondary index capacity that auto scaling manages (DescribeScalableTargets ServiceNamespace=dynamodb)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Scalable target ARN' },
    { name: 'service_namespace', type: 'VARCHAR', description: 'The namespace of the scaled resource (dynamodb)' },
    { name: 'resource_id', type: 'VARCHAR', description: 'table/<table> or table/<table>/index/<index>' },
    { name: 'scalable_dimension', type: 'VARCHAR', description: 'dynamodb:table:ReadCapacityUnits, dynamodb:table:WriteCapacityUnits, dynamodb:index:ReadCapacityUnits or dynamodb:index:WriteCapacityUnits' },
    { name: 'min_capacity', type: 'INTEGER', description: 'Lowest capacity auto scaling sets' },
    { name: 'max_capacity', type: 'INTEGER', description: 'Highest capacity auto scaling sets' },
    { name: 'role_arn', type: 'VARCHAR', description: 'Role Application Auto Scaling uses to change the capacity' },
    { name: 'dynamic_scaling_in_suspended', type: 'BOOLEAN', description: 'SuspendedState.DynamicScalingInSuspended' },
    { name: 'dynamic_scaling_out_suspended', type: 'BOOLEAN', description: 'SuspendedState.DynamicScalingOutSuspended' },
    { name: 'scheduled_scaling_suspended', type: 'BOOLEAN', description: 'SuspendedState.ScheduledScalingSuspended' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the target was registered' },
  ],
});

export const tables: TableDef[] = [awsApplicationautoscalingScalableTargets];
