import { defineTable, type TableDef } from './table.js';

export const awsMskClusters = defineTable({
  name: 'aws_msk_clusters',
  description: 'One row per Amazon MSK cluster of the region, provisioned and serverless (ListClustersV2)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Cluster ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Cluster name' },
    { name: 'cluster_type', type: 'VARCHAR', description: 'PROVISIONED or SERVERLESS' },
    { name: 'state', type: 'VARCHAR', description: 'ACTIVE, CREATING, UPDATING, DELETING, FAILED, …' },
    {
      name: 'in_cluster_encryption',
      type: 'BOOLEAN',
      description: 'Provisioned: EncryptionInTransit.InCluster (TLS between brokers); NULL when not reported or serverless (always TLS)',
    },
    { name: 'client_broker_encryption', type: 'VARCHAR', description: 'Provisioned: EncryptionInTransit.ClientBroker: TLS, TLS_PLAINTEXT or PLAINTEXT' },
    { name: 'enhanced_monitoring', type: 'VARCHAR', description: 'Provisioned: DEFAULT, PER_BROKER, PER_TOPIC_PER_BROKER or PER_TOPIC_PER_PARTITION' },
    { name: 'kafka_version', type: 'VARCHAR', description: 'Provisioned: Kafka version of the brokers' },
  ],
});

export const tables: TableDef[] = [awsMskClusters];
