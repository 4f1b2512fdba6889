import { apiCalls } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.9 (v1.4/v1.5 4.9) "AWS Config configuration changes": the audit's pattern is
// ($.eventSource = config.amazonaws.com) && an OR of these four recorder and delivery-channel calls.
export const requirement: MonitoringRequirement = {
  key: 'config_changes',
  checkId: 'cloudwatch_alarm_config_changes',
  cis: '4.9',
  events: apiCalls('config.amazonaws.com', ['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder']),
};
