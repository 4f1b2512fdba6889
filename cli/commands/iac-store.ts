import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../schema/db.js';
import { latestLiveScan, planDrift } from '../../sources/terraform/drift.js';
import type { PlanEvaluation } from '../../sources/terraform/evaluate.js';
import type { IacReport } from '../../sources/terraform/output/report.js';
import { LiveDatabaseError, saveIacScan } from '../../sources/terraform/store.js';
import { UsageError } from '../errors.js';
import { checkAccess, ServerConfigError } from '../../api/server.js';
import { openServedDb, serverSettings, serveUntilStopped, startFromFlags, type ServeFlags } from './serve.js';

/** `--save FILE`: the plan's scan into a Calabi database of its own; a file with live data is refused (exit 2). */
export async function saveToFile(path: string, evaluation: PlanEvaluation): Promise<string> {
  const db = await Database.open(path);
  try {
    return await saveIacScan(db, evaluation);
  } catch (error) {
    if (error instanceof LiveDatabaseError) throw new UsageError(error.message.replace(/^\[terraform\] /, ''), { cause: error });
    throw error;
  } finally {
    db.close();
  }
}

/** `--live-db FILE`, opened read-only: the latest live scan's statuses beside the plan's. */
export async function addDrift(report: IacReport, path: string): Promise<void> {
  let db: Database;
  try {
    db = await Database.open(path, { readOnly: true });
  } catch (error) {
    throw new UsageError(`--live-db: cannot open ${path} read-only: ${error instanceof Error ? error.message : String(error)}. Give the Calabi database of the live account (calabi sync / evaluate wrote it); while \`calabi serve\` holds it, upload the plan in the page's IaC view instead.`, { cause: error });
  }
  try {
    report.drift = { live_db: path, ...planDrift(report.controls, await latestLiveScan(db, report.benchmark.id)) };
  } finally {
    db.close();
  }
}

/** `--serve`'s flags, checked before the plan is evaluated: a wrong value or a missing token is a UsageError. */
export function checkServeFlags(flags: ServeFlags): void {
  const settings = serverSettings(flags);
  try {
    checkAccess(settings.host, settings.token);
  } catch (error) {
    throw error instanceof ServerConfigError ? new UsageError(error.message, { cause: error }) : error;
  }
}

/**
 * `--serve`: serves the saved scan (FILE of --save, else a temporary file removed when the server stops) with
 * `calabi serve`'s page and API. No sync: the database holds no AWS account.
 */
export async function serveIac(evaluation: PlanEvaluation, flags: ServeFlags & { save?: string }): Promise<void> {
  const dir = flags.save ? null : mkdtempSync(join(tmpdir(), 'calabi-iac-'));
  const path = flags.save ?? join(dir!, 'iac.duckdb');
  try {
    if (!flags.save) await saveToFile(path, evaluation);
    const db = await openServedDb(path, flags.queryMemory);
    const server = await startFromFlags(db, flags, { sync: undefined }).catch((error: unknown) => {
      db.close();
      throw error;
    });
    process.stderr.write(`Calabi is serving the IaC scan of ${evaluation.report.source.file} (${path}) at ${server.url}\nPress Ctrl+C to stop.\n`);
    await serveUntilStopped(server, db);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
