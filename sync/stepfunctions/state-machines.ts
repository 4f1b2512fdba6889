import { DescribeStateMachineCommand, paginateListStateMachines, SFNClient, type StateMachineListItem } from '@aws-sdk/client-sfn';
import type { Row } from '../../schema/db.js';
import { awsStepfunctionsStateMachines } from '../../schema/stepfunctions.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsStepfunctionsStateMachines.name;

/** ListStateMachines answers names and types; the logging configuration is only in DescribeStateMachine. */
export const stateMachinesCollector: Collector = {
  service: 'stepfunctions',
  name: 'state-machines',
  scope: 'regional',
  tables: [awsStepfunctionsStateMachines],
  async collect(ctx) {
    const client = ctx.client(SFNClient);
    const items: StateMachineListItem[] = [];
    for await (const page of paginateListStateMachines({ client }, { maxResults: 100 })) items.push(...(page.stateMachines ?? []));
    const rows = await ctx.map(items, (m) => machineRow(ctx, client, m));
    return { [table]: rows.filter((r): r is Row => r !== null) };
  },
};

async function machineRow(ctx: SyncContext, client: SFNClient, m: StateMachineListItem): Promise<Row | null> {
  const base = { arn: m.stateMachineArn!, name: m.name ?? null, type: m.type ?? null };
  try {
    const { $metadata: _, definition: _definition, ...d } = await client.send(new DescribeStateMachineCommand({ stateMachineArn: m.stateMachineArn }));
    return {
      ...base,
      type: d.type ?? base.type,
      status: d.status ?? null,
      log_level: d.loggingConfiguration?.level ?? null,
      log_destinations: (d.loggingConfiguration?.destinations ?? []).flatMap((x) => (x.cloudWatchLogsLogGroup?.logGroupArn ? [x.cloudWatchLogsLogGroup.logGroupArn] : [])),
      tracing_enabled: d.tracingConfiguration?.enabled ?? null,
      role_arn: d.roleArn ?? null,
      // The definition (the workflow's code, often with resource names and parameters) is left out.
      raw: d,
    };
  } catch (error) {
    if (isAwsError(error, 'StateMachineDoesNotExist')) return null;
    ctx.itemError(error, { operation: 'DescribeStateMachine', table, resourceId: m.stateMachineArn });
    return { ...base, raw: m };
  }
}
