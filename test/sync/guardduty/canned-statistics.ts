import type { SeverityStatistics } from '@aws-sdk/client-guardduty';

type Next = (args: { input: Record<string, unknown> }) => Promise<unknown>;
interface Stack { middlewareStack: { add: (mw: (next: Next, context: { commandName?: string }) => Next, opts: object) => void } }

/**
 * moto 5.2.1 implements neither GetFindingsStatistics nor any way to create findings: this answers the call as AWS
 * would, from the severities given per detector id (none: no findings), one page of at most `pageSize` groups.
 * It records the criteria each call asked for, so a test can see that archived findings are left out.
 */
export function cannedFindingStatistics(byDetector: Record<string, SeverityStatistics[]> = {}, pageSize = 50) {
  const requests: Array<Record<string, unknown>> = [];
  const configure = (client: unknown, service: string) => {
    if (service !== 'GuardDuty') return;
    (client as Stack).middlewareStack.add((next, context) => async (args) => {
      if (context.commandName !== 'GetFindingsStatisticsCommand') return next(args);
      requests.push(args.input);
      const all = byDetector[args.input.DetectorId as string] ?? [];
      const start = Number(args.input.NextToken ?? 0);
      const page = all.slice(start, start + pageSize);
      const more = start + pageSize < all.length;
      return { output: { $metadata: {}, FindingStatistics: { GroupedBySeverity: page }, NextToken: more ? String(start + pageSize) : undefined }, response: {} };
    }, { step: 'initialize', name: 'cannedGetFindingsStatistics' });
  };
  return { configure, requests };
}
