import { defineTable, type TableDef } from './table.js';

// Its own table and collector (not columns of aws_lambda_functions): a failed URL listing spoils only the checks that
// read URLs, and a function has a URL per alias as well as its own.
export const awsLambdaFunctionUrls = defineTable({
  name: 'aws_lambda_function_urls',
  description: 'One row per Lambda function URL of the region: the function’s own and each alias’s (ListFunctionUrlConfigs per function)',
  scope: 'regional',
  resourceId: 'function_arn',
  columns: [
    { name: 'function_arn', type: 'VARCHAR', description: 'The function ARN the URL invokes, qualified with the alias for an alias URL' },
    { name: 'function_name', type: 'VARCHAR', description: 'Function name' },
    { name: 'function_url', type: 'VARCHAR', description: 'The HTTPS endpoint (https://<id>.lambda-url.<region>.on.aws/)' },
    { name: 'auth_type', type: 'VARCHAR', description: 'AWS_IAM (callers sign with IAM) or NONE (Lambda performs no IAM authentication; only the resource-based policy limits callers)' },
    { name: 'invoke_mode', type: 'VARCHAR', description: 'BUFFERED or RESPONSE_STREAM' },
    { name: 'cors', type: 'JSON', description: 'The CORS settings, if any' },
    { name: 'created_at', type: 'TIMESTAMP', description: 'When the URL was created' },
  ],
});

export const tables: TableDef[] = [awsLambdaFunctionUrls];
