import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.11 (v1.4/v1.5 4.11) "changes to Network Access Control Lists": the audit's pattern ORs
// $.eventName = these six EC2 calls.
export const requirement: MonitoringRequirement = {
  key: 'nacl_changes',
  checkId: 'cloudwatch_alarm_nacl_changes',
  cis: '4.11',
  events: apiCalls('ec2.amazonaws.com', ['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation']),
};
