import { defineTable, type TableDef } from './table.js';

export const awsEksClusters = defineTable({
  name: 'aws_eks_clusters',
  description: 'One row per EKS cluster of the region (ListClusters, DescribeCluster)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Cluster ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Cluster name' },
    { name: 'version', type: 'VARCHAR', description: 'Kubernetes version, e.g. 1.31' },
    { name: 'platform_version', type: 'VARCHAR', description: 'EKS platform version' },
    { name: 'status', type: 'VARCHAR', description: 'CREATING, ACTIVE, DELETING, FAILED, UPDATING or PENDING' },
    { name: 'endpoint_public_access', type: 'BOOLEAN', description: 'True when the Kubernetes API endpoint is reachable from the internet' },
    { name: 'endpoint_private_access', type: 'BOOLEAN', description: 'True when the endpoint is reachable from inside the VPC' },
    { name: 'public_access_cidrs', type: 'VARCHAR[]', description: 'CIDR blocks allowed to reach the public endpoint' },
    { name: 'secrets_encryption_key_arn', type: 'VARCHAR', description: 'KMS key that envelope-encrypts Kubernetes secrets; NULL when none' },
    { name: 'enabled_log_types', type: 'VARCHAR[]', description: 'Control plane log types sent to CloudWatch Logs (api, audit, authenticator, controllerManager, scheduler)' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the cluster was created' },
  ],
});

export const tables: TableDef[] = [awsEksClusters];
