import { resourcePolicyColumns } from './policy-columns.js';
import { defineTable, type TableDef } from './table.js';

export const awsLambdaFunctions = defineTable({
  name: 'aws_lambda_functions',
  description: 'One row per Lambda function of the region (unqualified: $LATEST), with its resource-based policy',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Function ARN' },
    { name: 'function_name', type: 'VARCHAR', description: 'Function name' },
    { name: 'runtime', type: 'VARCHAR', description: 'Runtime, e.g. python3.12; NULL for container images' },
    { name: 'role', type: 'VARCHAR', description: 'Execution role ARN' },
    { name: 'package_type', type: 'VARCHAR', description: 'Zip or Image' },
    { name: 'vpc_id', type: 'VARCHAR', description: 'VPC the function is attached to, if any' },
    { name: 'subnet_ids', type: 'VARCHAR[]', description: 'Subnets of the VPC configuration (VpcConfig.SubnetIds); [] when the function is not in a VPC' },
    { name: 'last_modified', type: 'TIMESTAMP', description: 'When the function was last changed' },
    ...resourcePolicyColumns,
  ],
});

export const tables: TableDef[] = [awsLambdaFunctions];
