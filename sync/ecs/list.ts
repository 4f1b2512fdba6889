import { paginateListClusters, type ECSClient, type Failure } from '@aws-sdk/client-ecs';
import type { SyncContext } from '../types.js';

/** Every cluster ARN of the region (ListClusters, 100 a page). */
export async function listClusterArns(client: ECSClient): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListClusters({ client }, { maxResults: 100 })) arns.push(...(page.clusterArns ?? []));
  return arns;
}

/** `items` cut into slices of at most `size`, for the describe calls that take a bounded list of names. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Describe calls answer a resource they cannot describe as a `failures` entry, not an error. MISSING means it
 * was deleted since the list call (no row); any other reason leaves the resource unknown, so it is a sync error
 * and the checks reading the table report ERROR for the scope.
 */
export function recordFailures(
  ctx: SyncContext,
  failures: readonly Failure[] | undefined,
  where: { operation: string; table: string },
): void {
  for (const f of failures ?? []) {
    if (f.reason === 'MISSING') continue;
    ctx.itemError(new Error(`${where.operation} could not describe ${f.arn}: ${f.reason}${f.detail ? ` (${f.detail})` : ''}`), { ...where, resourceId: f.arn });
  }
}
