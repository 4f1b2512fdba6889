import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.4 (v1.4/v1.5 4.4) "IAM policy changes": the audit's pattern ORs $.eventName = each of these 16
// IAM calls (it names no event source; they all come from iam.amazonaws.com).
export const requirement: MonitoringRequirement = {
  key: 'iam_policy_changes',
  checkId: 'cloudwatch_alarm_iam_policy_changes',
  cis: '4.4',
  events: apiCalls('iam.amazonaws.com', ['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy']),
};
