import { defineTable, type TableDef } from './table.js';

export const awsCodebuildProjects = defineTable({
  name: 'aws_codebuild_projects',
  description: 'One row per CodeBuild project of the region (ListProjects, BatchGetProjects); plain-text variable values and credentials in source URLs are not stored',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Project ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Project name' },
    { name: 'source_type', type: 'VARCHAR', description: 'Primary source type: CODECOMMIT, CODEPIPELINE, GITHUB, GITHUB_ENTERPRISE, GITLAB, GITLAB_SELF_MANAGED, BITBUCKET, S3 or NO_SOURCE' },
    { name: 'source_locations', type: 'VARCHAR[]', description: 'Locations of the primary and secondary sources, with any user name, password or token in a URL replaced by ***' },
    { name: 'sources_with_url_credentials', type: 'VARCHAR[]', description: 'Sources (primary, or the secondary source identifier) whose location URL carries user information (user name, password or token); NULL when the project was not described' },
    { name: 'environment_type', type: 'VARCHAR', description: 'Build environment type, e.g. LINUX_CONTAINER, ARM_CONTAINER, WINDOWS_SERVER_2019_CONTAINER' },
    { name: 'image', type: 'VARCHAR', description: 'Build image' },
    { name: 'privileged_mode', type: 'BOOLEAN', description: 'Environment privilegedMode: the build container runs with root privileges on the host (Docker daemon); NULL when not reported' },
    { name: 'plaintext_variable_names', type: 'VARCHAR[]', description: 'Names of the environment variables of type PLAINTEXT (their values are not stored); NULL when not reported' },
    { name: 'secret_variable_names', type: 'VARCHAR[]', description: 'Names of the environment variables of type PARAMETER_STORE or SECRETS_MANAGER (references, not values)' },
    { name: 'cloudwatch_logs_status', type: 'VARCHAR', description: 'logsConfig.cloudWatchLogs.status: ENABLED or DISABLED; NULL when not reported' },
    { name: 's3_logs_status', type: 'VARCHAR', description: 'logsConfig.s3Logs.status: ENABLED or DISABLED; NULL when not reported' },
    { name: 's3_logs_location', type: 'VARCHAR', description: 'Bucket and prefix of the S3 build logs' },
    { name: 's3_logs_encryption_disabled', type: 'BOOLEAN', description: 'logsConfig.s3Logs.encryptionDisabled: S3 build logs are written unencrypted; NULL when not reported' },
    { name: 'service_role', type: 'VARCHAR', description: 'IAM role the builds run as' },
    { name: 'encryption_key', type: 'VARCHAR', description: 'KMS key that encrypts the build output artifacts' },
  ],
});

export const awsCodebuildReportGroups = defineTable({
  name: 'aws_codebuild_report_groups',
  description: 'One row per CodeBuild report group of the region, with where its reports are exported (ListReportGroups, BatchGetReportGroups)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Report group ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Report group name' },
    { name: 'type', type: 'VARCHAR', description: 'TEST or CODE_COVERAGE' },
    { name: 'status', type: 'VARCHAR', description: 'ACTIVE or DELETING' },
    { name: 'export_config_type', type: 'VARCHAR', description: 'S3 (reports exported to a bucket) or NO_EXPORT; NULL when not reported' },
    { name: 'export_bucket', type: 'VARCHAR', description: 'S3 bucket reports are exported to' },
    { name: 'export_encryption_disabled', type: 'BOOLEAN', description: 's3Destination.encryptionDisabled: true when exported reports are not encrypted (AWS default false)' },
    { name: 'export_encryption_key', type: 'VARCHAR', description: 'KMS key encrypting exported reports (the S3 managed key when absent)' },
    { name: 'described', type: 'BOOLEAN', description: 'False when BatchGetReportGroups failed: the export columns are then unknown' },
  ],
});

export const awsCodebuildSourceCredentials = defineTable({
  name: 'aws_codebuild_source_credentials',
  description: 'One row per credential the region\'s CodeBuild holds for a source provider (ListSourceCredentials): the provider and how it authenticates, never the token or password',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'ARN of the stored credential (token)' },
    { name: 'server_type', type: 'VARCHAR', description: 'Source provider: GITHUB, GITHUB_ENTERPRISE, GITLAB, GITLAB_SELF_MANAGED or BITBUCKET' },
    { name: 'auth_type', type: 'VARCHAR', description: 'OAUTH, BASIC_AUTH or PERSONAL_ACCESS_TOKEN (a secret CodeBuild itself stores), CODECONNECTIONS or SECRETS_MANAGER (a reference to a connection or secret)' },
    { name: 'resource', type: 'VARCHAR', description: 'The CodeConnections connection or Secrets Manager secret ARN when auth_type is CODECONNECTIONS or SECRETS_MANAGER' },
  ],
});

export const tables: TableDef[] = [awsCodebuildProjects, awsCodebuildReportGroups, awsCodebuildSourceCredentials];
