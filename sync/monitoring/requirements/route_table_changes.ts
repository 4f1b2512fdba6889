import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.13 (v1.4/v1.5 4.13) "route table changes": the audit's pattern is ($.eventSource = ec2.amazonaws.com)
// && an OR of these seven route and route-table calls.
export const requirement: MonitoringRequirement = {
  key: 'route_table_changes',
  checkId: 'cloudwatch_alarm_route_table_changes',
  cis: '4.13',
  events: apiCalls('ec2.amazonaws.com', ['CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable']),
};
