import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.7 (v1.4/v1.5 4.7) "disabling or scheduled deletion of customer created CMKs": the audit's pattern
// is { ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }.
export const requirement: MonitoringRequirement = {
  key: 'cmk_disable_or_deletion',
  checkId: 'cloudwatch_alarm_cmk_disable_or_deletion',
  cis: '4.7',
  events: apiCalls('kms.amazonaws.com', ['DisableKey', 'ScheduleKeyDeletion']),
};
