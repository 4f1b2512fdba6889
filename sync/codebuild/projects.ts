import { BatchGetProjectsCommand, CodeBuildClient, paginateListProjects, type Project } from '@aws-sdk/client-codebuild';
import type { Row } from '../../schema/db.js';
import { awsCodebuildProjects } from '../../schema/codebuild.js';
import type { Collector, SyncContext } from '../types.js';
import { redactLocation, redactProject } from './redact.js';

const table = awsCodebuildProjects.name;
/** BatchGetProjects takes at most 100 names. */
const batch = 100;

/** ListProjects answers names only; BatchGetProjects describes up to 100 projects a call (no per-project call). */
export const projectsCollector: Collector = {
  service: 'codebuild',
  name: 'projects',
  scope: 'regional',
  tables: [awsCodebuildProjects],
  async collect(ctx) {
    const client = ctx.client(CodeBuildClient);
    const names: string[] = [];
    for await (const page of paginateListProjects({ client }, {})) names.push(...(page.projects ?? []));
    const chunks: string[][] = [];
    for (let i = 0; i < names.length; i += batch) chunks.push(names.slice(i, i + batch));
    const described = await ctx.map(chunks, (chunk) => describe(ctx, client, chunk));
    return { [table]: described.flat() };
  },
};

async function describe(ctx: SyncContext, client: CodeBuildClient, names: string[]): Promise<Row[]> {
  const arnOf = (name: string) => `arn:${ctx.partition}:codebuild:${ctx.region}:${ctx.accountId}:project/${name}`;
  try {
    // A name in projectsNotFound was deleted after ListProjects: it has no row.
    const out = await client.send(new BatchGetProjectsCommand({ names }));
    return (out.projects ?? []).map((p) => projectRow(p, arnOf(p.name!)));
  } catch (error) {
    ctx.itemError(error, { operation: 'BatchGetProjects', table, resourceId: arnOf(names[0]!) });
    // Known by name only: every setting stays NULL, which the checks fail or count as not reported.
    return names.map((name) => ({ arn: arnOf(name), name, raw: { name } }));
  }
}

function projectRow(p: Project, fallbackArn: string): Row {
  const sources = [
    ...(p.source ? [{ id: 'primary', location: p.source.location }] : []),
    ...(p.secondarySources ?? []).map((s, i) => ({ id: s.sourceIdentifier ?? `secondary-${i + 1}`, location: s.location })),
  ].map((s) => ({ id: s.id, ...redactLocation(s.location) }));
  const variables = p.environment?.environmentVariables;
  const logs = p.logsConfig;
  return {
    arn: p.arn ?? fallbackArn,
    name: p.name ?? null,
    source_type: p.source?.type ?? null,
    source_locations: sources.flatMap((s) => (s.location === null ? [] : [s.location])),
    sources_with_url_credentials: sources.filter((s) => s.credentials).map((s) => s.id),
    environment_type: p.environment?.type ?? null,
    image: p.environment?.image ?? null,
    privileged_mode: p.environment?.privilegedMode ?? null,
    // A variable without a type is PLAINTEXT (CodeBuild's default).
    plaintext_variable_names: p.environment ? (variables ?? []).filter((v) => (v.type ?? 'PLAINTEXT') === 'PLAINTEXT').map((v) => v.name!) : null,
    secret_variable_names: (variables ?? []).filter((v) => v.type === 'PARAMETER_STORE' || v.type === 'SECRETS_MANAGER').map((v) => v.name!),
    cloudwatch_logs_status: logs?.cloudWatchLogs?.status ?? null,
    s3_logs_status: logs?.s3Logs?.status ?? null,
    s3_logs_location: logs?.s3Logs?.location ?? null,
    s3_logs_encryption_disabled: logs?.s3Logs?.encryptionDisabled ?? null,
    service_role: p.serviceRole ?? null,
    encryption_key: p.encryptionKey ?? null,
    raw: redactProject(p),
  };
}
