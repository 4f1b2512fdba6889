import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { awsIamCredentialReport } from '../../schema/iam.js';
import type { Collector } from '../types.js';
import { parseCredentialReport } from './credential-report-csv.js';

export interface CredentialReportOptions {
  /** How long to wait for AWS to finish generating the report. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * GenerateCredentialReport until it says COMPLETE (bounded: a report of a large account takes seconds, not
 * minutes), then GetCredentialReport. AWS reuses a report younger than four hours, so the rows may lag.
 */
export function credentialReportCollector({ timeoutMs = 60_000, sleep = wait }: CredentialReportOptions = {}): Collector {
  return {
    service: 'iam',
    name: 'credential-report',
    scope: 'global',
    tables: [awsIamCredentialReport],
    async collect(ctx) {
      const iam = ctx.client(IAMClient);
      const deadline = Date.now() + timeoutMs;
      let delay = 250;
      for (;;) {
        const { State } = await iam.send(new GenerateCredentialReportCommand({}));
        if (State === 'COMPLETE') break;
        if (Date.now() + delay > deadline) {
          throw new Error(`[sync] iam GenerateCredentialReport still ${State ?? 'not complete'} after ${Math.round(timeoutMs / 1000)} s; run the sync again in a few minutes`);
        }
        await sleep(delay);
        delay = Math.min(delay * 2, 5_000);
      }
      const report = await iam.send(new GetCredentialReportCommand({}));
      const csv = new TextDecoder().decode(report.Content ?? new Uint8Array());
      return { [awsIamCredentialReport.name]: parseCredentialReport(csv, report.GeneratedTime ?? null) };
    },
  };
}
