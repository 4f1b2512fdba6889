import { cloudTrailEvent } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.6 (v1.4/v1.5 4.6) "AWS Management Console authentication failures": the audit's pattern is
// { ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }: a failed console sign-in.
export const requirement: MonitoringRequirement = {
  key: 'console_auth_failures',
  checkId: 'cloudwatch_alarm_console_auth_failures',
  cis: '4.6',
  events: [
    {
      label: 'a ConsoleLogin that failed authentication',
      event: cloudTrailEvent('signin.amazonaws.com', 'ConsoleLogin', {
        eventType: 'AwsConsoleSignIn',
        requestParameters: null,
        responseElements: { ConsoleLogin: 'Failure' },
        errorMessage: 'Failed authentication',
        additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' },
      }),
    },
  ],
};
