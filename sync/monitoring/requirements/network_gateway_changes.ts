import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.12 (v1.4/v1.5 4.12) "changes to network gateways": the audit's pattern ORs $.eventName = these
// six EC2 calls.
export const requirement: MonitoringRequirement = {
  key: 'network_gateway_changes',
  checkId: 'cloudwatch_alarm_network_gateway_changes',
  cis: '4.12',
  events: apiCalls('ec2.amazonaws.com', ['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway']),
};
