import type { Collector } from '../types.js';
import { ebsEncryptionDefaultsCollector } from './ebs-encryption-defaults.js';
import { elasticIpsCollector } from './elastic-ips.js';
import { flowLogsCollector } from './flow-logs.js';
import { imagesCollector } from './images.js';
import { instancesCollector } from './instances.js';
import { launchTemplatesCollector } from './launch-templates.js';
import { managedPrefixListsCollector } from './managed-prefix-lists.js';
import { networkAclsCollector } from './network-acls.js';
import { networkInterfacesCollector, routeTablesCollector, subnetsCollector, vpcPeeringConnectionsCollector, vpcsCollector } from './network.js';
import { securityGroupRulesCollector, securityGroupsCollector } from './security-groups.js';
import { snapshotsCollector } from './snapshots.js';
import { transitGatewaysCollector } from './transit-gateways.js';
import { volumesCollector } from './volumes.js';
import { vpnConnectionsCollector } from './vpn-connections.js';
import { vpcEndpointsCollector } from './vpc-endpoints.js';

/** One collector per table (network ACLs fill two): a failed call spoils only the checks that read it. */
export const collectors: Collector[] = [
  instancesCollector,
  volumesCollector,
  securityGroupsCollector,
  securityGroupRulesCollector,
  managedPrefixListsCollector,
  networkAclsCollector,
  vpcsCollector,
  subnetsCollector,
  routeTablesCollector,
  vpcPeeringConnectionsCollector,
  networkInterfacesCollector,
  flowLogsCollector,
  ebsEncryptionDefaultsCollector,
  vpcEndpointsCollector,
  launchTemplatesCollector,
  snapshotsCollector,
  elasticIpsCollector,
  transitGatewaysCollector,
  vpnConnectionsCollector,
  imagesCollector,
];
