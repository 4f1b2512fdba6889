import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.14 (v1.4/v1.5 4.14) "VPC changes": the audit's pattern ORs $.eventName = these eleven EC2 calls.
export const requirement: MonitoringRequirement = {
  key: 'vpc_changes',
  checkId: 'cloudwatch_alarm_vpc_changes',
  cis: '4.14',
  events: apiCalls('ec2.amazonaws.com', ['CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink']),
};
