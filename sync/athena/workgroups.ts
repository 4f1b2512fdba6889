import { AthenaClient, GetWorkGroupCommand, paginateListWorkGroups, type WorkGroupSummary } from '@aws-sdk/client-athena';
import type { Row } from '../../schema/db.js';
import { awsAthenaWorkgroups } from '../../schema/athena.js';
import { allItems } from '../ec2/shared.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsAthenaWorkgroups.name;

/** ListWorkGroups answers names and states; the result configuration (encryption) is only in GetWorkGroup. */
export const workgroupsCollector: Collector = {
  service: 'athena',
  name: 'workgroups',
  scope: 'regional',
  tables: [awsAthenaWorkgroups],
  async collect(ctx) {
    const client = ctx.client(AthenaClient);
    const items = await allItems(paginateListWorkGroups({ client }, { MaxResults: 50 }), (p) => p.WorkGroups);
    const rows = await ctx.map(items, (w) => workgroupRow(ctx, client, w));
    return { [table]: rows };
  },
};

async function workgroupRow(ctx: SyncContext, client: AthenaClient, w: WorkGroupSummary): Promise<Row> {
  const base = {
    arn: `arn:${ctx.partition}:athena:${ctx.region}:${ctx.accountId}:workgroup/${w.Name}`,
    name: w.Name ?? null,
    state: w.State ?? null,
    creation_time: w.CreationTime ?? null,
    engine_version: w.EngineVersion?.EffectiveEngineVersion ?? null,
  };
  try {
    const { WorkGroup: g } = await client.send(new GetWorkGroupCommand({ WorkGroup: w.Name }));
    if (!g) throw new Error(`[sync] athena GetWorkGroup answered without its WorkGroup element for ${w.Name}`);
    const result = g.Configuration?.ResultConfiguration;
    return {
      ...base,
      state: g.State ?? base.state,
      encryption_option: result?.EncryptionConfiguration?.EncryptionOption ?? null,
      kms_key: result?.EncryptionConfiguration?.KmsKey ?? null,
      configuration_read: true,
      enforce_workgroup_configuration: g.Configuration?.EnforceWorkGroupConfiguration ?? null,
      output_location: result?.OutputLocation ?? null,
      engine_version: g.Configuration?.EngineVersion?.EffectiveEngineVersion ?? base.engine_version,
      raw: g,
    };
  } catch (error) {
    ctx.itemError(error, { operation: 'GetWorkGroup', table, resourceId: base.arn });
    return { ...base, configuration_read: false, raw: w };
  }
}
