import { EC2Client, paginateDescribeNetworkAcls, type NetworkAcl } from '@aws-sdk/client-ec2';
import type { Row } from '../../schema/db.js';
import { awsEc2NetworkAclEntries, awsEc2NetworkAcls } from '../../schema/ec2.js';
import type { Collector } from '../types.js';
import { naclAdminExposure } from './nacl-exposure.js';
import { naclEntryRow } from './nacl-entry-row.js';
import { allItems, ec2Arn, requireElement, tagMap } from './shared.js';

/** aws_ec2_network_acls and one row per entry in aws_ec2_network_acl_entries, from one DescribeNetworkAcls. */
export const networkAclsCollector: Collector = {
  service: 'ec2',
  name: 'network-acls',
  scope: 'regional',
  tables: [awsEc2NetworkAcls, awsEc2NetworkAclEntries],
  async collect(ctx) {
    const acls = await allItems(paginateDescribeNetworkAcls({ client: ctx.client(EC2Client) }, {}), (p) => requireElement(p.NetworkAcls, 'DescribeNetworkAcls', 'NetworkAcls'));
    const aclRows: Row[] = [];
    const entryRows: Row[] = [];
    for (const acl of acls) {
      const arn = ec2Arn(ctx, 'network-acl', acl.NetworkAclId, acl.OwnerId);
      let exposure: string[] | null = null;
      try {
        exposure = naclAdminExposure(acl.Entries ?? []);
      } catch (cause) {
        // A block we cannot parse leaves the exposure unknown (NULL, which the check fails) and the scope in error.
        ctx.itemError(new Error(`[sync] ec2: the entries of network ACL ${acl.NetworkAclId} cannot be evaluated: ${cause instanceof Error ? cause.message : String(cause)}`, { cause }), {
          operation: 'DescribeNetworkAcls',
          table: awsEc2NetworkAcls.name,
          resourceId: arn,
        });
      }
      aclRows.push({
        arn,
        network_acl_id: acl.NetworkAclId ?? null,
        vpc_id: acl.VpcId ?? null,
        is_default: acl.IsDefault ?? false,
        owner_id: acl.OwnerId ?? null,
        subnet_ids: (acl.Associations ?? []).map((a) => a.SubnetId).filter((s): s is string => !!s),
        entries: acl.Entries ?? [],
        ingress_admin_exposure: exposure,
        tags: tagMap(acl.Tags),
        raw: acl,
      });
      entryRows.push(...entriesOf(acl, arn));
    }
    return { [awsEc2NetworkAcls.name]: aclRows, [awsEc2NetworkAclEntries.name]: entryRows };
  },
};

function entriesOf(acl: NetworkAcl, arn: string): Row[] {
  return (acl.Entries ?? []).map((e) => naclEntryRow({ id: acl.NetworkAclId ?? null, arn, vpcId: acl.VpcId ?? null }, e));
}
