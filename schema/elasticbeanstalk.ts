import { defineTable, type TableDef } from './table.js';

export const awsElasticbeanstalkEnvironments = defineTable({
  name: 'aws_elasticbeanstalk_environments',
  description:
    'One row per Elastic Beanstalk environment of the region, not terminated (DescribeEnvironments; health reporting and log streaming from DescribeConfigurationSettings)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Environment ARN' },
    { name: 'environment_id', type: 'VARCHAR', description: 'Environment id (e-…)' },
    { name: 'name', type: 'VARCHAR', description: 'Environment name' },
    { name: 'application_name', type: 'VARCHAR', description: 'Application the environment runs' },
    { name: 'status', type: 'VARCHAR', description: 'Launching, Updating, Ready, Terminating, …' },
    { name: 'tier', type: 'VARCHAR', description: 'WebServer or Worker' },
    { name: 'platform_arn', type: 'VARCHAR', description: 'Platform version the environment runs on' },
    {
      name: 'health_reporting_system_type',
      type: 'VARCHAR',
      description: 'Option aws:elasticbeanstalk:healthreporting:system SystemType: enhanced or basic; NULL when not reported',
    },
    { name: 'stream_logs', type: 'BOOLEAN', description: 'Option aws:elasticbeanstalk:cloudwatch:logs StreamLogs (instance logs to CloudWatch Logs); NULL when not reported' },
    { name: 'configuration_read', type: 'BOOLEAN', description: 'False when DescribeConfigurationSettings failed: the option columns are then unknown' },
  ],
});

export const tables: TableDef[] = [awsElasticbeanstalkEnvironments];
