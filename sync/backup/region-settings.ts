import { BackupClient, DescribeRegionSettingsCommand } from '@aws-sdk/client-backup';
import { awsBackupRegionSettings } from '../../schema/backup-selections.js';
import type { Collector } from '../types.js';

/**
 * One row per account and region, always: DescribeRegionSettings answers the opt-in of every resource type AWS
 * Backup supports, set or not. An answer without ResourceTypeOptInPreference is a failure (the element that carries
 * the data is missing), not "nothing opted in": the checks would otherwise fail every tag-selected resource.
 */
export const regionSettingsCollector: Collector = {
  service: 'backup',
  name: 'region-settings',
  scope: 'regional',
  tables: [awsBackupRegionSettings],
  async collect(ctx) {
    const out = await ctx.client(BackupClient).send(new DescribeRegionSettingsCommand({}));
    const optIn = out.ResourceTypeOptInPreference;
    if (!optIn) throw new Error(`[sync] backup DescribeRegionSettings in ${ctx.region} answered no ResourceTypeOptInPreference`);
    return {
      [awsBackupRegionSettings.name]: [{
        opted_in_resource_types: Object.entries(optIn).filter(([, on]) => on === true).map(([type]) => type).sort(),
        resource_type_opt_in: optIn,
        resource_type_management: out.ResourceTypeManagementPreference ?? null,
        raw: { ResourceTypeOptInPreference: optIn, ResourceTypeManagementPreference: out.ResourceTypeManagementPreference ?? null },
      }],
    };
  },
};
