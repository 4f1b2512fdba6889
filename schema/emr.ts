import { defineTable, type TableDef } from './table.js';

export const awsEmrClusters = defineTable({
  name: 'aws_emr_clusters',
  description: 'One row per active Amazon EMR cluster of the region (ListClusters in the STARTING, BOOTSTRAPPING, RUNNING and WAITING states; DescribeCluster; ListInstances of the primary node)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Cluster ARN' },
    { name: 'id', type: 'VARCHAR', description: 'Cluster id (j-…)' },
    { name: 'name', type: 'VARCHAR', description: 'Cluster name' },
    { name: 'state', type: 'VARCHAR', description: 'STARTING, BOOTSTRAPPING, RUNNING or WAITING' },
    { name: 'release_label', type: 'VARCHAR', description: 'EMR release, e.g. emr-7.2.0' },
    { name: 'instance_collection_type', type: 'VARCHAR', description: 'INSTANCE_GROUP or INSTANCE_FLEET' },
    { name: 'subnet_id', type: 'VARCHAR', description: 'EC2 subnet of the cluster' },
    { name: 'master_public_dns_name', type: 'VARCHAR', description: 'DNS name of the primary node as DescribeCluster reports it' },
    { name: 'master_public_ips', type: 'VARCHAR[]', description: 'Public IP addresses of the primary node instances (ListInstances); NULL when they were not read' },
    { name: 'security_configuration', type: 'VARCHAR', description: 'Name of the security configuration (encryption, Kerberos); NULL when none' },
  ],
});

export const awsEmrBlockPublicAccess = defineTable({
  name: 'aws_emr_block_public_access',
  description: 'One row per account and region: the Amazon EMR block public access configuration (GetBlockPublicAccessConfiguration)',
  scope: 'regional',
  resourceId: 'region',
  columns: [
    { name: 'block_public_security_group_rules', type: 'BOOLEAN', description: 'EMR refuses to launch a cluster whose security groups allow inbound traffic from 0.0.0.0/0 or ::/0 on a port not permitted' },
    { name: 'permitted_public_ports', type: 'VARCHAR[]', description: 'Port ranges permitted from anywhere despite the block, as "from-to" (AWS permits 22 unless changed)' },
  ],
});

export const tables: TableDef[] = [awsEmrClusters, awsEmrBlockPublicAccess];
