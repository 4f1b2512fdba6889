import type { Command } from 'commander';
import type { SyncProgress, SyncResult } from '../../sync/runner.js';
import { serviceNames } from '../../sync/services.js';
import { backendOf } from '../backend.js';
import { globalOptions } from '../context.js';
import { syncSettings, type SyncFlags } from '../sync-options.js';
import { createLogger } from '../../lib/logger.js';
import { createSyncProgress } from '../progress.js';
import type { RegisterCommand } from './register.js';
import { addShardOptions, shardSettings, type ShardFlags } from '../shard-options.js';

export type { SyncFlags } from '../sync-options.js';

export function addSyncOptions(cmd: Command): Command {
  return cmd
    .option('--regions <list>', 'regions to scan, comma-separated (default: every enabled region of the account)')
    .option('--services <list>', `services to collect (default: all): ${serviceNames.join(',')}`)
    .option('--profile <name>', 'AWS shared-config profile (default: $AWS_PROFILE / the standard chain)')
    .option('--role-name <name>', 'role to assume in each account given by --accounts or --organization')
    .option('--external-id <id>', 'external id for the assumed role')
    .option('--accounts <list>', 'account ids to sync through --role-name')
    .option('--organization', 'sync every active account of the AWS Organization (from the management account)')
    .option('--concurrency <n>', 'concurrent API calls per service and region', '8')
    .option('--max-in-flight <n>', 'API calls in flight at once across the whole sync (default: $CALABI_MAX_IN_FLIGHT or 32)')
    .option('--endpoint-url <url>', 'send every API call to this endpoint (LocalStack, moto); AWS_ENDPOINT_URL works too')
    .option('--connect-timeout <seconds>', 'give up connecting to AWS after this long, per attempt (default: $CALABI_CONNECT_TIMEOUT or 10)')
    .option('--request-timeout <seconds>', 'give up on an AWS call after this long, per attempt; retried, then a collection error (default: $CALABI_REQUEST_TIMEOUT or 60)')
    .option('--call-timeout <seconds>', 'set both limits above at once (default: $CALABI_CALL_TIMEOUT)')
    .option('--deadline <duration>', 'end the whole sync after this long (e.g. 90m, 2h); unfinished scopes are in error (default: $CALABI_SYNC_DEADLINE or 2h)');
}

/** Runs a sync from CLI flags with progress and a summary; returns the result (the caller picks the exit code). */
export async function syncFromFlags(cmd: Command, flags: SyncFlags & ShardFlags): Promise<SyncResult> {
  const g = globalOptions(cmd);
  const logger = createLogger({ json: g.jsonLogs });
  const settings = { ...syncSettings(flags), ...shardSettings(flags) };
  const tty = Boolean(process.stderr.isTTY) && !g.jsonLogs;
  const progress = createSyncProgress({ tty, logger });
  // Here on the file or inside a running `calabi serve` (its progress streams back); the runner and the AWS SDK
  // load only when a sync runs, not for `calabi sync --help`.
  const result = await (await backendOf(cmd)).call('sync', { settings }, (e) => progress(e as SyncProgress));
  printSummary(result, logger, Boolean(g.jsonLogs));
  return result;
}

function printSummary(r: SyncResult, logger: ReturnType<typeof createLogger>, json: boolean): void {
  const fields = {
    run: r.runId, status: r.status, accounts: r.accounts.length, regions: r.regions.length,
    resources: r.resources, api_calls: r.apiCalls, errors: r.errors.length, seconds: +(r.durationMs / 1000).toFixed(1),
  };
  if (json) {
    logger.info('sync finished', { ...fields, tables: r.rowsByTable, error_list: r.errors.slice(0, 50) });
    return;
  }
  const out = process.stderr;
  out.write(`\nSynced ${r.resources} resources from ${r.accounts.length} account(s) × ${r.regions.length} region(s) in ${fields.seconds}s with ${r.apiCalls} API calls.\n`);
  const tables = Object.entries(r.rowsByTable).filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b));
  for (const [t, n] of tables) out.write(`  ${t.padEnd(44)} ${String(n).padStart(7)}\n`);
  if (r.status === 'timed_out') {
    out.write('\nThe sync deadline passed before every scope finished (raise --deadline, or sync fewer regions or services at once);\n' +
      'the unfinished scopes keep their previous rows, marked in error (SyncDeadlineExceeded).\n');
  }
  if (r.errors.length) {
    const groups = new Map<string, number>();
    for (const e of r.errors) {
      const k = `${e.service} ${e.operation} ${e.code}`;
      groups.set(k, (groups.get(k) ?? 0) + 1);
    }
    out.write(`\n${r.errors.length} collection error(s); affected tables keep their previous rows and their checks report ERROR:\n`);
    for (const [k, n] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) out.write(`  ${String(n).padStart(4)} × ${k}\n`);
    out.write(`Details: calabi query "SELECT * FROM sync_errors WHERE run_id = '${r.runId}'"\n`);
  }
}

export const register: RegisterCommand = (program, setExit) => {
  addShardOptions(addSyncOptions(program.command('sync').description('read AWS account state into the DuckDB inventory'))).action(async (flags: SyncFlags & ShardFlags, cmd: Command) => {
    const result = await syncFromFlags(cmd, flags);
    setExit(result.errors.length ? 1 : 0);
  });
};
