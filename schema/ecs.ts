import { defineTable, type TableDef } from './table.js';

export const awsEcsClusters = defineTable({
  name: 'aws_ecs_clusters',
  description: 'One row per ECS cluster of the region (ListClusters, DescribeClusters with SETTINGS)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Cluster ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Cluster name' },
    { name: 'status', type: 'VARCHAR', description: 'ACTIVE, PROVISIONING, DEPROVISIONING, FAILED or INACTIVE' },
    { name: 'container_insights', type: 'VARCHAR', description: "The cluster's containerInsights setting: enabled, enhanced or disabled; NULL when AWS reports none" },
  ],
});

export const awsEcsServices = defineTable({
  name: 'aws_ecs_services',
  description: 'One row per ECS service of every cluster of the region (ListServices per cluster, DescribeServices 10 a call)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Service ARN' },
    { name: 'name', type: 'VARCHAR', description: 'Service name' },
    { name: 'cluster_arn', type: 'VARCHAR', description: 'Cluster the service runs in' },
    { name: 'status', type: 'VARCHAR', description: 'ACTIVE, DRAINING or INACTIVE' },
    { name: 'launch_type', type: 'VARCHAR', description: 'EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES; NULL when a capacity provider strategy is used' },
    { name: 'platform_version', type: 'VARCHAR', description: 'Fargate platform version asked for (LATEST, 1.4.0, …)' },
    { name: 'platform_family', type: 'VARCHAR', description: 'Operating system family of the Fargate tasks (LINUX, WINDOWS_SERVER_2019_FULL, …); NULL when AWS reports none' },
    { name: 'capacity_providers', type: 'VARCHAR[]', description: 'Capacity providers of the capacity provider strategy (FARGATE, FARGATE_SPOT, an Auto Scaling group provider); [] when the service uses a launch type' },
    { name: 'task_definition', type: 'VARCHAR', description: 'Task definition ARN the service runs' },
    { name: 'assign_public_ip', type: 'VARCHAR', description: 'awsvpcConfiguration.assignPublicIp: ENABLED or DISABLED; NULL when the service has no awsvpc network configuration' },
  ],
});

export const awsEcsTaskDefinitions = defineTable({
  name: 'aws_ecs_task_definitions',
  description:
    'One row per task definition family of the region with an ACTIVE revision: its latest ACTIVE revision, the one FSBP evaluates (ListTaskDefinitionFamilies, DescribeTaskDefinition)',
  scope: 'regional',
  resourceId: 'arn',
  columns: [
    { name: 'arn', type: 'VARCHAR', description: 'Task definition ARN, revision included' },
    { name: 'family', type: 'VARCHAR', description: 'Task definition family' },
    { name: 'revision', type: 'INTEGER', description: 'Revision number' },
    { name: 'status', type: 'VARCHAR', description: 'ACTIVE (only the latest active revision is collected)' },
    { name: 'network_mode', type: 'VARCHAR', description: 'bridge, host, awsvpc or none; NULL when not set (bridge on Linux EC2)' },
    { name: 'pid_mode', type: 'VARCHAR', description: 'host or task; NULL when not set' },
    { name: 'requires_compatibilities', type: 'VARCHAR[]', description: 'EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES' },
  ],
});

export const awsEcsContainerDefinitions = defineTable({
  name: 'aws_ecs_container_definitions',
  description:
    'One row per container definition of the collected task definitions (DescribeTaskDefinition). Environment variable values are never stored: only their names.',
  scope: 'regional',
  resourceId: 'task_definition_arn',
  columns: [
    { name: 'task_definition_arn', type: 'VARCHAR', description: 'Task definition ARN (revision included) the container belongs to' },
    { name: 'family', type: 'VARCHAR', description: 'Task definition family' },
    { name: 'name', type: 'VARCHAR', description: 'Container name' },
    { name: 'image', type: 'VARCHAR', description: 'Container image' },
    { name: 'privileged', type: 'BOOLEAN', description: 'privileged parameter; NULL when not set (not privileged)' },
    { name: 'user', type: 'VARCHAR', description: 'user parameter (user, uid, user:group, uid:gid, …); NULL when not set (the image default, usually root)' },
    { name: 'readonly_root_filesystem', type: 'BOOLEAN', description: 'readonlyRootFilesystem parameter; NULL when not set (writable)' },
    { name: 'log_driver', type: 'VARCHAR', description: 'logConfiguration.logDriver; NULL when the container has no logging configuration' },
    { name: 'environment_names', type: 'VARCHAR[]', description: 'Names of the plain environment variables (environment parameter); their values are not stored' },
    { name: 'secret_names', type: 'VARCHAR[]', description: 'Names of the variables injected from Secrets Manager or Parameter Store (secrets parameter)' },
  ],
});

export const tables: TableDef[] = [awsEcsClusters, awsEcsServices, awsEcsTaskDefinitions, awsEcsContainerDefinitions];
