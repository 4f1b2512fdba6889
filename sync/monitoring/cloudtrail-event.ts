/**
 * A CloudTrail management event as CloudTrail delivers it to CloudWatch Logs (record format of
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html),
 * with every field a real record carries, so a filter that tests an ordinary field (sourceIPAddress, readOnly,
 * userIdentity.type…) is judged on the values AWS would give it. Each requirement's sample events override what
 * the CIS audit text names.
 */
export interface SampleEvent {
  /** What the sample stands for, as a reason names it ("eventName StopLogging"). */
  label: string;
  event: Record<string, unknown>;
}

export type EventOverrides = Record<string, unknown>;

const account = '123456789012';

export function cloudTrailEvent(eventSource: string, eventName: string, overrides: EventOverrides = {}): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLEPRINCIPAL1',
      arn: `arn:aws:iam::${account}:user/operator`,
      accountId: account,
      accessKeyId: 'AKIAEXAMPLEACCESSKEY',
      userName: 'operator',
      sessionContext: { attributes: { creationDate: '2024-05-01T09:00:00Z', mfaAuthenticated: 'false' } },
    },
    eventTime: '2024-05-01T09:30:00Z',
    eventSource,
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.15.40 md/Botocore#1.34.98 ua/2.0 os/linux#6.1 md/arch#x86_64',
    requestParameters: {},
    responseElements: null,
    requestID: '0f6e9d34-5c6b-4a9e-9a57-7c3c1d9b6a10',
    eventID: '5b1f5b0e-3a9c-4a57-b5a2-2f7d6a9e8c11',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${eventSource.split('.')[0]}.us-east-1.amazonaws.com` },
    ...overrides,
  };
}

/** One sample per event name, all from one event source: the shape of most CIS 4.x requirements. */
export function apiCalls(eventSource: string, names: readonly string[]): SampleEvent[] {
  return names.map((name) => ({ label: `eventName ${name}`, event: cloudTrailEvent(eventSource, name) }));
}
