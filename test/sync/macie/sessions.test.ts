import { GetMacieSessionCommand } from '@aws-sdk/client-macie2';
import { describe, expect, it } from 'vitest';
import { sessionsCollector } from '../../../sync/macie/sessions.js';
import { awsError, cannedContext } from '../../support/canned.js';

// Canned: moto 5.2.1 answers GetMacieSession with timestamps the SDK cannot parse ("Invalid RFC-3339
// date-time"), even after EnableMacie, so every answer AWS gives is served by a middleware on a real client.
const session = (status: string) => () => ({
  status,
  findingPublishingFrequency: 'FIFTEEN_MINUTES',
  serviceRole: 'arn:aws:iam::111111111111:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie',
  createdAt: new Date('2026-01-02T00:00:00Z'),
  updatedAt: new Date('2026-02-03T00:00:00Z'),
});
const collect = (handler: () => unknown) => sessionsCollector.collect(cannedContext({ [GetMacieSessionCommand.name]: handler }, { region: 'eu-west-1' }).ctx);
const arn = 'arn:aws:macie2:eu-west-1:111111111111';

describe('Macie sessions collector', () => {
  it('stores an enabled session with its region-level ARN', async () => {
    const rows = (await collect(session('ENABLED'))).aws_macie_sessions!;
    expect(rows.map(({ raw: _r, ...r }) => r)).toEqual([
      { arn, enabled: true, status: 'ENABLED', finding_publishing_frequency: 'FIFTEEN_MINUTES', service_role: expect.stringContaining('AWSServiceRoleForAmazonMacie'), created_at: new Date('2026-01-02T00:00:00Z'), updated_at: new Date('2026-02-03T00:00:00Z') },
    ]);
  });

  it('stores a paused session as not enabled', async () => {
    expect((await collect(session('PAUSED'))).aws_macie_sessions).toMatchObject([{ arn, enabled: false, status: 'PAUSED' }]);
  });

  it("turns AWS's 'Macie is not enabled.' AccessDenied into a NOT_ENABLED fact row", async () => {
    const rows = await collect(() => {
      throw awsError('AccessDeniedException', 'Macie is not enabled.', 403);
    });
    expect(rows.aws_macie_sessions).toEqual([{ arn, enabled: false, status: 'NOT_ENABLED', raw: { code: 'AccessDeniedException', message: 'Macie is not enabled.' } }]);
  });

  it('keeps an AccessDenied for missing permissions an error, not a verdict', async () => {
    await expect(
      collect(() => {
        throw awsError('AccessDeniedException', 'User: arn:aws:sts::111111111111:assumed-role/audit/x is not authorized to perform: macie2:GetMacieSession', 403);
      }),
    ).rejects.toThrow(/not authorized/);
  });
});
