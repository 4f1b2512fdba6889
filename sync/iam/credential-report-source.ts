import { GenerateCredentialReportCommand, GetCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import type { Row } from '../../schema/db.js';
import type { SyncContext } from '../types.js';
import { parseCredentialReport } from './credential-report-csv.js';

export interface CredentialReportOptions {
  /** How long to wait for AWS to finish generating the report. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The parsed report of one account, with its rows by user ARN (the users and access-key collectors read it). */
export interface CredentialReport {
  rows: Row[];
  byArn: ReadonlyMap<string, Row>;
  generatedTime: Date | null;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// One report per account per sync: the runner builds one IAM client per account and run, so the client is the key.
// Three collectors (credential report, users, access keys) share it instead of asking per user.
const reports = new WeakMap<IAMClient, Promise<CredentialReport>>();

/**
 * The account's credential report, generated and read once per sync whoever asks first. A failure (not allowed,
 * not ready in time, unreadable CSV) rejects every caller, so each marks its own tables in error.
 */
export function credentialReportOf(ctx: SyncContext, options: CredentialReportOptions = {}): Promise<CredentialReport> {
  const iam = ctx.client(IAMClient);
  let report = reports.get(iam);
  if (!report) {
    report = fetchReport(iam, options);
    reports.set(iam, report);
  }
  return report;
}

/**
 * GenerateCredentialReport until it says COMPLETE (bounded: a report of a large account takes seconds, not
 * minutes), then GetCredentialReport. AWS reuses a report younger than four hours, so the rows may lag.
 */
async function fetchReport(iam: IAMClient, { timeoutMs = 60_000, sleep = wait }: CredentialReportOptions): Promise<CredentialReport> {
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
  const generatedTime = report.GeneratedTime ?? null;
  const rows = parseCredentialReport(csv, generatedTime);
  return { rows, generatedTime, byArn: new Map(rows.map((r) => [String(r.arn), r])) };
}

/** The report writes times to the second; the API's dates may carry milliseconds. */
export function sameSecond(a: Date | null | undefined, b: Date | null | undefined): boolean {
  return !!a && !!b && Math.floor(a.getTime() / 1000) === Math.floor(b.getTime() / 1000);
}
