/**
 * AWS partitions from the SDK's own endpoint data (the partitions.json every client resolves endpoints with), not
 * a hand-kept table: a partition AWS adds (the European sovereign cloud, aws-eusc, eusc-de-east-1) arrives with
 * the SDK. `@aws-sdk/core/client` carries the current data; the older standalone `@aws-sdk/util-endpoints` left
 * in node_modules by one dependency does not know aws-eusc, so it is not used.
 */
import { partition } from '@aws-sdk/core/client';

/**
 * The partition of a region name (aws, aws-cn, aws-us-gov, aws-eusc, aws-iso, aws-iso-b, …). Like the SDK, a name
 * no partition's region list or regionRegex claims belongs to `aws`: it is where the SDK would send the request.
 */
export function partitionOf(region: string): string {
  return partition(region).name;
}

/**
 * The region where the partition's global services (IAM, the S3 bucket list, CloudFront) are homed: the SDK's
 * `implicitGlobalRegion`. `knownRegion` is a region the caller already reached in that partition; the SDK's data
 * can only be asked by region, so without one the partition's `<partition>-global` pseudo-region is tried.
 * Undefined when the data does not know the partition (an SDK older than the partition).
 */
export function homeRegion(partitionName: string, knownRegion?: string): string | undefined {
  for (const candidate of [knownRegion, `${partitionName}-global`]) {
    if (!candidate) continue;
    const p = partition(candidate) as ReturnType<typeof partition> & { implicitGlobalRegion?: string };
    if (p.name === partitionName && p.implicitGlobalRegion) return p.implicitGlobalRegion;
  }
  return undefined;
}
