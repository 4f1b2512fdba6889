import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.15 (v1.4/v1.5 4.15) "AWS Organizations changes": the audit's pattern is
// ($.eventSource = organizations.amazonaws.com) && an OR of these eighteen calls.
export const requirement: MonitoringRequirement = {
  key: 'organizations_changes',
  checkId: 'cloudwatch_alarm_organizations_changes',
  cis: '4.15',
  events: apiCalls('organizations.amazonaws.com', ['AcceptHandshake', 'AttachPolicy', 'CreateAccount', 'CreateOrganizationalUnit', 'CreatePolicy', 'DeclineHandshake', 'DeleteOrganization', 'DeleteOrganizationalUnit', 'DeletePolicy', 'DetachPolicy', 'DisablePolicyType', 'EnablePolicyType', 'InviteAccountToOrganization', 'LeaveOrganization', 'MoveAccount', 'RemoveAccountFromOrganization', 'UpdatePolicy', 'UpdateOrganizationalUnit']),
};
