import { defineTable, type TableDef } from './table.js';

export const awsDaxClusters = defineTable({
  name: 'aws_dax_clusters',
  description: 'One row per DynamoDB Accelerator (DAX) cluster of the region (DescribeClusters)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Cluster ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Cluster name' },
    { name: 'status', type: 'VARCHAR', description: 'creating, available, deleting, modifying, …' },
    { name: 'node_type', type: 'VARCHAR', description: 'Node type, e.g. dax.r5.large' },
    { name: 'total_nodes', type: 'INTEGER', description: 'Nodes in the cluster' },
    { name: 'sse_status', type: 'VARCHAR', description: 'Encryption at rest: ENABLED, ENABLING, DISABLED, DISABLING (SSEDescription.Status); NULL when AWS reports none' },
    { name: 'endpoint_encryption_type', type: 'VARCHAR', description: 'ClusterEndpointEncryptionType: TLS (encrypted in transit) or NONE' },
    { name: 'subnet_group', type: 'VARCHAR', description: 'Subnet group the nodes run in' },
  ],
});

export const tables: TableDef[] = [awsDaxClusters];
