import { EC2Client, paginateDescribeLaunchTemplateVersions, type LaunchTemplateVersion } from '@aws-sdk/client-ec2';
import { awsEc2LaunchTemplates } from '../../schema/ec2-launch-templates.js';
import { allItems, ec2Arn, listCollector, requireElement } from './shared.js';

/**
 * DescribeLaunchTemplateVersions with Versions ['$Default'] and no template named answers the default version of
 * every launch template of the region in one paginated call (no DescribeLaunchTemplates, no per-template call).
 * The default version is what launches use when none is named, and what FSBP EC2.25's Config rule judges.
 */
export const launchTemplatesCollector = listCollector<LaunchTemplateVersion>({
  name: 'launch-templates',
  table: awsEc2LaunchTemplates,
  list: async (ctx) => {
    const versions = await allItems(
      paginateDescribeLaunchTemplateVersions({ client: ctx.client(EC2Client) }, { Versions: ['$Default'], MaxResults: 200 }),
      // A 200 without the list is a failed call, not "no templates" (which would pass EC2.25 unseen).
      (p) => requireElement(p.LaunchTemplateVersions, 'DescribeLaunchTemplateVersions', 'launchTemplateVersionSet'),
    );
    // User data is often a boot script with credentials in it: it never reaches the database, raw included.
    return versions.map((v) => ({ ...v, LaunchTemplateData: v.LaunchTemplateData && { ...v.LaunchTemplateData, UserData: undefined } }));
  },
  row: (v, ctx) => {
    const interfaces = v.LaunchTemplateData?.NetworkInterfaces ?? [];
    return {
      arn: ec2Arn(ctx, 'launch-template', v.LaunchTemplateId),
      launch_template_id: v.LaunchTemplateId ?? null,
      name: v.LaunchTemplateName ?? null,
      default_version_number: v.VersionNumber ?? null,
      network_interface_count: interfaces.length,
      public_ip_interfaces: v.LaunchTemplateData ? interfaces.filter((n) => n.AssociatePublicIpAddress === true).length : null,
      metadata_http_tokens: v.LaunchTemplateData?.MetadataOptions?.HttpTokens ?? null,
      created_by: v.CreatedBy ?? null,
      create_time: v.CreateTime ?? null,
    };
  },
});
