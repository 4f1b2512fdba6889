import { resourcePolicyColumns } from './policy-columns.js';
import { defineTable, type TableDef } from './table.js';

export const awsEventbridgeEventBuses = defineTable({
  name: 'aws_eventbridge_event_buses',
  description: "One row per EventBridge event bus of the region, the 'default' bus included, with its resource-based policy (ListEventBuses)",
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Event bus ARN' },
    { name: 'name', type: 'VARCHAR', description: "Event bus name ('default' for the account's default bus; partner buses are named after their event source)" },
    { name: 'description', type: 'VARCHAR', description: 'Description' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the bus was created' },
    ...resourcePolicyColumns,
  ],
});

export const tables: TableDef[] = [awsEventbridgeEventBuses];
