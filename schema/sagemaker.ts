import { defineTable, type TableDef } from './table.js';

export const awsSagemakerNotebookInstances = defineTable({
  name: 'aws_sagemaker_notebook_instances',
  description: 'One row per SageMaker notebook instance of the region (ListNotebookInstances, DescribeNotebookInstance)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Notebook instance ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Notebook instance name' },
    { name: 'status', type: 'VARCHAR', description: 'Pending, InService, Stopping, Stopped, Failed, Deleting or Updating' },
    { name: 'instance_type', type: 'VARCHAR', description: 'ML instance type, e.g. ml.t3.medium' },
    { name: 'direct_internet_access', type: 'VARCHAR', description: 'Enabled (SageMaker gives the instance internet access) or Disabled (only through its VPC)' },
    { name: 'root_access', type: 'VARCHAR', description: 'Enabled or Disabled: whether notebook users get root on the instance' },
    { name: 'subnet_id', type: 'VARCHAR', description: 'VPC subnet of the instance; NULL when it was launched outside a VPC of the account' },
    { name: 'security_group_ids', type: 'VARCHAR[]', description: 'Security groups of the instance in its VPC' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key that encrypts the ML storage volume; NULL for the AWS managed key' },
  ],
});

export const awsSagemakerEndpointConfigs = defineTable({
  name: 'aws_sagemaker_endpoint_configs',
  description: 'One row per SageMaker endpoint configuration of the region (ListEndpointConfigs, DescribeEndpointConfig)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Endpoint configuration ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Endpoint configuration name' },
    { name: 'kms_key_id', type: 'VARCHAR', description: 'KMS key that encrypts the storage volume of the endpoint instances; NULL when none is named' },
    { name: 'variant_count', type: 'INTEGER', description: 'Production variants' },
    { name: 'serverless_variant_count', type: 'INTEGER', description: 'Production variants on serverless inference (ServerlessConfig: no instances to count)' },
    { name: 'min_initial_instance_count', type: 'INTEGER', description: 'Smallest InitialInstanceCount over the instance-based variants; NULL when there are none' },
    { name: 'single_instance_variants', type: 'VARCHAR[]', description: 'Instance-based variants whose InitialInstanceCount is below 2 or not reported' },
  ],
});

export const awsSagemakerModels = defineTable({
  name: 'aws_sagemaker_models',
  description: 'One row per SageMaker model of the region (ListModels, DescribeModel)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Model ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Model name' },
    { name: 'network_isolation_enabled', type: 'BOOLEAN', description: 'EnableNetworkIsolation: the model containers get no inbound or outbound network access' },
    { name: 'subnet_ids', type: 'VARCHAR[]', description: 'VpcConfig subnets of the model containers; NULL without a VPC config' },
    { name: 'execution_role_arn', type: 'VARCHAR', description: 'IAM role SageMaker assumes for the model' },
  ],
});

export const tables: TableDef[] = [awsSagemakerNotebookInstances, awsSagemakerEndpointConfigs, awsSagemakerModels];
