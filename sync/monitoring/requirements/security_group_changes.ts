import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.10 (v1.4/v1.5 4.10) "security group changes": the audit's pattern ORs $.eventName = these six
// EC2 calls (no event source named; they come from ec2.amazonaws.com).
export const requirement: MonitoringRequirement = {
  key: 'security_group_changes',
  checkId: 'cloudwatch_alarm_security_group_changes',
  cis: '4.10',
  events: apiCalls('ec2.amazonaws.com', ['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup']),
};
