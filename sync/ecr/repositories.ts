import {
  BatchGetRepositoryScanningConfigurationCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  paginateDescribeRepositories,
  type Repository,
  type RepositoryScanningConfiguration,
} from '@aws-sdk/client-ecr';
import type { Row } from '../../schema/db.js';
import { awsEcrRepositories } from '../../schema/ecr.js';
import { isAwsError } from '../errors.js';
import type { Collector, SyncContext } from '../types.js';

const table = awsEcrRepositories.name;
/** BatchGetRepositoryScanningConfiguration takes at most 25 repository names. */
const scanBatch = 25;

/**
 * DescribeRepositories lists repositories with their tag mutability and own scan setting. The scan frequency AWS
 * actually applies (registry scanning rules override the repository's setting) comes 25 repositories a call from
 * BatchGetRepositoryScanningConfiguration. GetLifecyclePolicy has no list or batch form: one call per repository,
 * where LifecyclePolicyNotFoundException is the fact "no policy".
 */
export const repositoriesCollector: Collector = {
  service: 'ecr',
  name: 'repositories',
  scope: 'regional',
  tables: [awsEcrRepositories],
  async collect(ctx) {
    const client = ctx.client(ECRClient);
    const repos: Repository[] = [];
    for await (const page of paginateDescribeRepositories({ client }, { maxResults: 1000 })) repos.push(...(page.repositories ?? []));
    const scanning = await scanningConfigurations(ctx, client, repos.map((r) => r.repositoryName ?? ''));
    const rows = await ctx.map(repos, (repo) => repositoryRow(ctx, client, repo, scanning.get(repo.repositoryName ?? '')));
    return { [table]: rows };
  },
};

async function scanningConfigurations(ctx: SyncContext, client: ECRClient, names: string[]): Promise<Map<string, RepositoryScanningConfiguration>> {
  const out = new Map<string, RepositoryScanningConfiguration>();
  const batches: string[][] = [];
  for (let i = 0; i < names.length; i += scanBatch) batches.push(names.slice(i, i + scanBatch));
  await ctx.map(batches, async (batch) => {
    try {
      const res = await client.send(new BatchGetRepositoryScanningConfigurationCommand({ repositoryNames: batch }));
      for (const c of res.scanningConfigurations ?? []) if (c.repositoryName) out.set(c.repositoryName, c);
    } catch (error) {
      // The rows keep scan_frequency NULL and the scope is in error: the scanning check reports ERROR there.
      ctx.itemError(error, { operation: 'BatchGetRepositoryScanningConfiguration', table });
    }
  });
  return out;
}

async function repositoryRow(ctx: SyncContext, client: ECRClient, repo: Repository, scan: RepositoryScanningConfiguration | undefined): Promise<Row> {
  const name = repo.repositoryName ?? '';
  const arn = repo.repositoryArn ?? `arn:${ctx.partition}:ecr:${ctx.region}:${ctx.accountId}:repository/${name}`;
  let lifecycle: { has: boolean | null; text: string | null } = { has: null, text: null };
  try {
    const res = await client.send(new GetLifecyclePolicyCommand({ repositoryName: name, registryId: repo.registryId }));
    lifecycle = { has: true, text: res.lifecyclePolicyText ?? null };
  } catch (error) {
    if (isAwsError(error, 'LifecyclePolicyNotFoundException')) lifecycle = { has: false, text: null };
    else ctx.itemError(error, { operation: 'GetLifecyclePolicy', table, resourceId: arn });
  }
  return {
    arn,
    name,
    uri: repo.repositoryUri ?? null,
    registry_id: repo.registryId ?? null,
    created_at: repo.createdAt ?? null,
    image_tag_mutability: repo.imageTagMutability ?? null,
    scan_on_push: repo.imageScanningConfiguration?.scanOnPush ?? null,
    scan_frequency: scan?.scanFrequency ?? null,
    applied_scan_filters: scan?.appliedScanFilters ?? null,
    encryption_type: repo.encryptionConfiguration?.encryptionType ?? null,
    kms_key: repo.encryptionConfiguration?.kmsKey ?? null,
    has_lifecycle_policy: lifecycle.has,
    lifecycle_policy_text: lifecycle.text,
    raw: { repository: repo, scanningConfiguration: scan ?? null },
  };
}
