import { GetMacieSessionCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { awsMacieSessions } from '../../schema/macie.js';
import { describeAwsError } from '../errors.js';
import type { Collector } from '../types.js';

/**
 * GetMacieSession per region. Where Macie was never enabled AWS answers AccessDeniedException with the message
 * "Macie is not enabled." — a fact, stored as status NOT_ENABLED. Any other AccessDenied (the caller lacks
 * macie2:GetMacieSession) stays an error, so the check reports ERROR instead of a false FAIL.
 */
export const sessionsCollector: Collector = {
  service: 'macie',
  name: 'sessions',
  scope: 'regional',
  tables: [awsMacieSessions],
  async collect(ctx) {
    const arn = `arn:${ctx.partition}:macie2:${ctx.region}:${ctx.accountId}`;
    try {
      const s = await ctx.client(Macie2Client).send(new GetMacieSessionCommand({}));
      if (!s.status) throw new Error(`[sync] macie GetMacieSession in ${ctx.region} answered without a status`);
      const { $metadata: _, ...raw } = s;
      return {
        [awsMacieSessions.name]: [
          { arn, enabled: s.status === 'ENABLED', status: s.status, finding_publishing_frequency: s.findingPublishingFrequency ?? null, service_role: s.serviceRole ?? null, created_at: s.createdAt ?? null, updated_at: s.updatedAt ?? null, raw },
        ],
      };
    } catch (error) {
      const { code, message } = describeAwsError(error);
      if (!(code === 'AccessDeniedException' && /macie is not enabled/i.test(message))) throw error;
      return { [awsMacieSessions.name]: [{ arn, enabled: false, status: 'NOT_ENABLED', raw: { code, message } }] };
    }
  },
};
