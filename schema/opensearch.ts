import { defineTable, type TableDef } from './table.js';

export const awsOpensearchDomains = defineTable({
  name: 'aws_opensearch_domains',
  description: 'One row per OpenSearch Service domain of the region, OpenSearch and Elasticsearch engines alike (ListDomainNames, DescribeDomains)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Domain ARN (arn:<partition>:es:<region>:<account>:domain/<name>, whatever the engine)' },
    { name: 'name', type: 'VARCHAR', description: 'Domain name' },
    { name: 'engine_type', type: 'VARCHAR', description: 'OpenSearch or Elasticsearch (ListDomainNames EngineType)' },
    { name: 'engine_version', type: 'VARCHAR', description: 'Engine and version, e.g. OpenSearch_2.11 or Elasticsearch_7.10' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC the domain runs in (VPCOptions.VPCId); NULL for a domain with a public endpoint' },
    { name: 'subnet_ids', type: 'VARCHAR[]', description: 'Subnets of a VPC domain (VPCOptions.SubnetIds); NULL for a public domain' },
    { name: 'encryption_at_rest_enabled', type: 'BOOLEAN', description: 'EncryptionAtRestOptions.Enabled' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key that encrypts the data at rest (EncryptionAtRestOptions.KmsKeyId)' },
    { name: 'node_to_node_encryption_enabled', type: 'BOOLEAN', description: 'NodeToNodeEncryptionOptions.Enabled' },
    { name: 'enforce_https', type: 'BOOLEAN', description: 'DomainEndpointOptions.EnforceHTTPS: plain HTTP to the endpoint is refused' },
    { name: 'tls_security_policy', type: 'VARCHAR', description: 'DomainEndpointOptions.TLSSecurityPolicy, e.g. Policy-Min-TLS-1-2-PFS-2023-10' },
    { name: 'fine_grained_access_control_enabled', type: 'BOOLEAN', description: 'AdvancedSecurityOptions.Enabled (fine-grained access control)' },
    { name: 'audit_log_enabled', type: 'BOOLEAN', description: 'LogPublishingOptions.AUDIT_LOGS is enabled with a CloudWatch Logs group' },
    { name: 'error_log_enabled', type: 'BOOLEAN', description: 'LogPublishingOptions.ES_APPLICATION_LOGS (error logs) is enabled with a CloudWatch Logs group' },
    { name: 'instance_count', type: 'INTEGER', description: 'Data nodes (ClusterConfig.InstanceCount)' },
    { name: 'zone_awareness_enabled', type: 'BOOLEAN', description: 'ClusterConfig.ZoneAwarenessEnabled: data nodes spread over two or three Availability Zones' },
    { name: 'dedicated_master_enabled', type: 'BOOLEAN', description: 'ClusterConfig.DedicatedMasterEnabled' },
    { name: 'dedicated_master_count', type: 'INTEGER', description: 'Dedicated master nodes (ClusterConfig.DedicatedMasterCount); NULL without dedicated masters' },
    { name: 'update_available', type: 'BOOLEAN', description: 'ServiceSoftwareOptions.UpdateAvailable: a service software update is waiting' },
  ],
});

export const tables: TableDef[] = [awsOpensearchDomains];
