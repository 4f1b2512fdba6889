import { defineTable, type TableDef } from './table.js';

// In their own file (not schema/rds.ts): event subscriptions evolve without touching the instance and cluster tables.
export const awsRdsEventSubscriptions = defineTable({
  name: 'aws_rds_event_subscriptions',
  description: 'One row per RDS event notification subscription in the region: which source type and event categories it sends to which SNS topic (DescribeEventSubscriptions)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Event subscription ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Subscription name (CustSubscriptionId)' },
    { name: 'source_type', type: 'VARCHAR', description: 'db-instance, db-cluster, db-parameter-group, db-security-group, db-snapshot, …; NULL when the subscription takes events of every source type' },
    { name: 'event_categories', type: 'VARCHAR[]', description: 'Event categories it sends (maintenance, failure, configuration change, …); [] means every category' },
    { name: 'source_ids', type: 'VARCHAR[]', description: 'Sources it is limited to; [] means every source of its type' },
    { name: 'enabled', type: 'BOOLEAN', description: 'True when notifications are on' },
    { name: 'status', type: 'VARCHAR', description: 'creating, modifying, deleting, active, no-permission or topic-not-exist' },
    { name: 'sns_topic_arn', type: 'VARCHAR', description: 'SNS topic the events are published to' },
    { name: 'subscription_creation_time', type: 'VARCHAR', description: 'When the subscription was created (as RDS answers it, a string)' },
  ],
});

export const tables: TableDef[] = [awsRdsEventSubscriptions];
