import { BatchGetReportGroupsCommand, CodeBuildClient, paginateListReportGroups, type ReportGroup } from '@aws-sdk/client-codebuild';
import type { Row } from '../../schema/db.js';
import { awsCodebuildReportGroups } from '../../schema/codebuild.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsCodebuildReportGroups.name;
/** BatchGetReportGroups takes at most 100 ARNs. */
const batch = 100;

/** ListReportGroups answers ARNs only; BatchGetReportGroups describes up to 100 a call (no per-group call). */
export const reportGroupsCollector: Collector = {
  service: 'codebuild',
  name: 'report-groups',
  scope: 'regional',
  tables: [awsCodebuildReportGroups],
  async collect(ctx) {
    const client = ctx.client(CodeBuildClient);
    const arns: string[] = [];
    for await (const page of paginateListReportGroups({ client }, { maxResults: 100 })) arns.push(...(page.reportGroups ?? []));
    const chunks: string[][] = [];
    for (let i = 0; i < arns.length; i += batch) chunks.push(arns.slice(i, i + batch));
    const described = await ctx.map(chunks, (chunk) => describe(ctx, client, chunk));
    return { [table]: described.flat() };
  },
};

async function describe(ctx: SyncContext, client: CodeBuildClient, arns: string[]): Promise<Row[]> {
  try {
    // An ARN in reportGroupsNotFound was deleted after ListReportGroups: it has no row.
    const out = await client.send(new BatchGetReportGroupsCommand({ reportGroupArns: arns }));
    return (out.reportGroups ?? []).map(groupRow);
  } catch (error) {
    ctx.itemError(error, { operation: 'BatchGetReportGroups', table, resourceId: arns[0] });
    // Known by ARN only: the export columns stay NULL, which the check fails.
    return arns.map((arn) => ({ arn, name: arn.split('/').pop() ?? null, described: false, raw: { arn } }));
  }
}

function groupRow(g: ReportGroup): Row {
  const s3 = g.exportConfig?.s3Destination;
  return {
    arn: g.arn!,
    name: g.name ?? null,
    type: g.type ?? null,
    status: g.status ?? null,
    export_config_type: g.exportConfig?.exportConfigType ?? null,
    export_bucket: s3?.bucket ?? null,
    export_encryption_disabled: s3 ? (s3.encryptionDisabled ?? false) : null,
    export_encryption_key: s3?.encryptionKey ?? null,
    described: true,
    raw: g,
  };
}
