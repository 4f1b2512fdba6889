import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { partitionOf } from '../lib/aws/partitions.js';
import { SyncSetupError } from './errors.js';

export interface RegionInfo {
  region: string;
  partition: string;
  optInStatus: string;
  endpoint: string | undefined;
}

/**
 * The account's enabled regions of its own partition. DescribeRegions may list other partitions' regions
 * (moto does) and regions the account has not opted into; neither is ever scanned.
 */
export async function enabledRegions(ec2: EC2Client, partition: string): Promise<RegionInfo[]> {
  const out = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
  return (out.Regions ?? [])
    .filter((r) => r.RegionName && partitionOf(r.RegionName) === partition)
    .filter((r) => (r.OptInStatus ?? 'opt-in-not-required') !== 'not-opted-in')
    .map((r) => ({ region: r.RegionName!, partition, optInStatus: r.OptInStatus ?? 'opt-in-not-required', endpoint: r.Endpoint }))
    .sort((a, b) => a.region.localeCompare(b.region));
}

/** Checks --regions against what the account offers; an unknown name is an error that lists the valid ones. */
export function chooseRegions(requested: readonly string[] | undefined, available: readonly RegionInfo[]): RegionInfo[] {
  if (available.length === 0) {
    // Listing "Valid regions for this account: ." helps nobody: say what the empty answer means and what to do.
    throw new SyncSetupError(
      '[sync] EC2 DescribeRegions listed no enabled region for this account, so there is nothing to scan and nothing to check ' +
        `${requested?.length ? `--regions ${requested.join(',')}` : '--regions'} against. Check that the EC2 endpoint is AWS's ` +
        '(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EC2, --endpoint-url) and that the credentials belong to the intended account.',
    );
  }
  if (!requested || requested.length === 0) return [...available];
  const byName = new Map(available.map((r) => [r.region, r]));
  const unknown = requested.filter((r) => !byName.has(r));
  if (unknown.length > 0) {
    throw new SyncSetupError(
      `[sync] unknown or disabled region${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. ` +
        `Valid regions for this account: ${available.map((r) => r.region).join(', ')}.`,
    );
  }
  return [...new Set(requested)].map((r) => byName.get(r)!);
}
