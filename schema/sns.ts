import { resourcePolicyFactColumns } from './policy-columns.js';
import { defineTable, type TableDef } from './table.js';

export const awsSnsTopics = defineTable({
  name: 'aws_sns_topics',
  description: 'One row per SNS topic of the region, with its attributes',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Topic ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Topic name' },
    { name: 'display_name', type: 'VARCHAR', description: 'Display name, if any' },
    { name: 'kms_master_key_id', type: 'VARCHAR', description: 'KMS key encrypting messages at rest; NULL when unencrypted' },
    { name: 'subscriptions_confirmed', type: 'INTEGER', description: 'GetTopicAttributes SubscriptionsConfirmed' },
    { name: 'subscriptions_pending', type: 'INTEGER', description: 'GetTopicAttributes SubscriptionsPending' },
    { name: 'policy', type: 'JSON', description: 'Topic access policy' },
    ...resourcePolicyFactColumns,
    { name: 'fifo_topic', type: 'BOOLEAN', description: 'True for a FIFO topic' },
    { name: 'delivery_status_roles', type: 'JSON', description: 'Delivery status logging: every <Protocol>SuccessFeedbackRoleArn and <Protocol>FailureFeedbackRoleArn attribute set on the topic (Application, HTTP, Lambda, SQS, Firehose), {} when none; NULL when the attributes could not be read' },
  ],
});

export const awsSnsSubscriptions = defineTable({
  name: 'aws_sns_subscriptions',
  description: 'One row per SNS subscription of the region (ListSubscriptions), confirmed or pending',
  scope: 'regional',
  resourceId: 'subscription_arn',
  columns: [
    { name: 'subscription_arn', type: 'VARCHAR', description: "Subscription ARN; 'PendingConfirmation' until the endpoint confirms" },
    { name: 'topic_arn', type: 'VARCHAR', description: 'Topic subscribed to' },
    { name: 'protocol', type: 'VARCHAR', description: 'email, sqs, lambda, https, sms, …' },
    { name: 'endpoint', type: 'VARCHAR', description: 'Where messages go (address, queue ARN, URL, …)' },
    { name: 'owner', type: 'VARCHAR', description: 'Account that owns the subscription' },
    { name: 'confirmed', type: 'BOOLEAN', description: "True when the subscription ARN is a real ARN, not 'PendingConfirmation' or 'Deleted'" },
  ],
});

export const tables: TableDef[] = [awsSnsTopics, awsSnsSubscriptions];
