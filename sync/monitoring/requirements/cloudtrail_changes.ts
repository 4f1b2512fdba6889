import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.5 (v1.4/v1.5 4.5) "CloudTrail configuration changes": the audit's pattern ORs $.eventName =
// CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging (cloudtrail.amazonaws.com).
export const requirement: MonitoringRequirement = {
  key: 'cloudtrail_changes',
  checkId: 'cloudwatch_alarm_cloudtrail_changes',
  cis: '4.5',
  events: apiCalls('cloudtrail.amazonaws.com', ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging']),
};
