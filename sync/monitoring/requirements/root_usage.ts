import { cloudTrailEvent } from '../cloudtrail-event.js';
import type { MonitoringRequirement } from '../requirement.js';

const root = { type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012' };

// CIS v3.0.0 4.3 (v1.4/v1.5 4.3) "usage of the root account": the audit's pattern is
// { $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }:
// root acting itself (no invokedBy), through the API or the console. Both must be caught.
export const requirement: MonitoringRequirement = {
  key: 'root_usage',
  checkId: 'cloudwatch_alarm_root_usage',
  cis: '4.3',
  events: [
    { label: 'an API call by root', event: cloudTrailEvent('iam.amazonaws.com', 'CreateAccessKey', { userIdentity: { ...root, accessKeyId: 'ASIAEXAMPLEROOTKEY' } }) },
    {
      label: 'a console sign-in by root',
      event: cloudTrailEvent('signin.amazonaws.com', 'ConsoleLogin', {
        userIdentity: root,
        eventType: 'AwsConsoleSignIn',
        requestParameters: null,
        responseElements: { ConsoleLogin: 'Success' },
        additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'Yes' },
      }),
    },
  ],
};
