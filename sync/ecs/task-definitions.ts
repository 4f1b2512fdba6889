import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  paginateListTaskDefinitionFamilies,
  type ContainerDefinition,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import type { Row } from '../../schema/db.js';
import { awsEcsContainerDefinitions, awsEcsTaskDefinitions } from '../../schema/ecs.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';
import { redactTaskDefinition } from './redact.js';

const table = awsEcsTaskDefinitions.name;

/**
 * FSBP's task definition controls judge the latest ACTIVE revision of each family. ListTaskDefinitionFamilies
 * (status ACTIVE) names the families; DescribeTaskDefinition by family name answers that revision. ECS has no
 * batch describe for task definitions, so it is one call per family (not per revision). Environment variable
 * values never reach the database: the rows keep their names, `raw` has the values removed.
 */
export const taskDefinitionsCollector: Collector = {
  service: 'ecs',
  name: 'task-definitions',
  scope: 'regional',
  tables: [awsEcsTaskDefinitions, awsEcsContainerDefinitions],
  async collect(ctx) {
    const client = ctx.client(ECSClient);
    const families: string[] = [];
    for await (const page of paginateListTaskDefinitionFamilies({ client }, { status: 'ACTIVE', maxResults: 100 })) families.push(...(page.families ?? []));
    const described = await ctx.map(families, (family) => latestActive(ctx, client, family));
    const defs = described.filter((d): d is TaskDefinition => d !== null);
    return {
      [table]: defs.map(taskDefinitionRow),
      [awsEcsContainerDefinitions.name]: defs.flatMap((d) => (d.containerDefinitions ?? []).map((c) => containerRow(d, c))),
    };
  },
};

async function latestActive(ctx: SyncContext, client: ECSClient, family: string): Promise<TaskDefinition | null> {
  try {
    const td = (await client.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }))).taskDefinition;
    // A family whose last active revision was deregistered since the list call has nothing to judge.
    return td && td.status === 'ACTIVE' ? td : null;
  } catch (error) {
    if (isAwsError(error, 'ClientException') && /not found|unable to describe/i.test(String((error as Error).message))) return null;
    ctx.itemError(error, { operation: 'DescribeTaskDefinition', table, resourceId: `arn:${ctx.partition}:ecs:${ctx.region}:${ctx.accountId}:task-definition/${family}` });
    return null;
  }
}

function taskDefinitionRow(d: TaskDefinition): Row {
  return {
    arn: d.taskDefinitionArn ?? null,
    family: d.family ?? null,
    revision: d.revision ?? null,
    status: d.status ?? null,
    network_mode: d.networkMode ?? null,
    pid_mode: d.pidMode ?? null,
    requires_compatibilities: d.requiresCompatibilities ?? null,
    raw: redactTaskDefinition(d),
  };
}

function containerRow(d: TaskDefinition, c: ContainerDefinition): Row {
  return {
    task_definition_arn: d.taskDefinitionArn ?? null,
    family: d.family ?? null,
    name: c.name ?? null,
    image: c.image ?? null,
    privileged: c.privileged ?? null,
    user: c.user ?? null,
    readonly_root_filesystem: c.readonlyRootFilesystem ?? null,
    log_driver: c.logConfiguration?.logDriver ?? null,
    environment_names: (c.environment ?? []).map((e) => e.name ?? ''),
    secret_names: (c.secrets ?? []).map((s) => s.name ?? ''),
    raw: redactTaskDefinition({ containerDefinitions: [c] }).containerDefinitions?.[0] ?? {},
  };
}
