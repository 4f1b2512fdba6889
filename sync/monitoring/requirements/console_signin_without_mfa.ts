import { cloudTrailEvent } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

// CIS v3.0.0 4.2 (v1.4/v1.5 4.2) "Management Console sign-in without MFA": the audit's pattern is
// { ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }, or, for accounts signed into
// through SSO, the same && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success").
// Both must catch a successful console sign-in of an IAM user without MFA, which is what this sample is.
export const requirement: MonitoringRequirement = {
  key: 'console_signin_without_mfa',
  checkId: 'cloudwatch_alarm_console_signin_without_mfa',
  cis: '4.2',
  events: [
    {
      label: 'ConsoleLogin of an IAM user without MFA',
      event: cloudTrailEvent('signin.amazonaws.com', 'ConsoleLogin', {
        eventType: 'AwsConsoleSignIn',
        readOnly: false,
        requestParameters: null,
        responseElements: { ConsoleLogin: 'Success' },
        additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' },
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/125.0',
      }),
    },
  ],
};
