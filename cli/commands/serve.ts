import type { Command } from 'commander';
import { sandboxConfig } from '../../console/sandbox.js';
import { sizeBytes } from '../../console/size.js';
import type { RunningServer, ServerOptions } from '../../api/server.js';
import type { SyncFn } from '../../scans/runner.js';
import type { Database } from '../../schema/db.js';
import { dbPathOf, globalOptions } from '../context.js';
import { syncSettings } from '../sync-options.js';
import { UsageError } from '../errors.js';
import type { RegisterCommand } from './register.js';
import { parseAllowList } from '../../scheduler/destination.js';
import { retentionDaysFrom } from '../../scheduler/retention-days.js';
import { createLogger } from '../../lib/logger.js';
import { addSyncOptions, type SyncFlags } from './sync.js';

interface ServeSchedulingFlags {
  retentionDays?: string;
  publicUrl?: string;
}

function retentionDaysFlag(flags: ServeSchedulingFlags): number {
  try {
    return retentionDaysFrom(flags.retentionDays);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^\[retention\] /, ''));
  }
}

export interface ServeFlags extends SyncFlags {
  host: string;
  port: string;
  token?: string;
  queryTimeout: string;
  queryRows: string;
  queryMemory: string;
  queryBytes?: string;
}

export function addServeOptions(cmd: Command): Command {
  return cmd
    .option('--host <address>', 'address to listen on; anything but loopback needs a token', '127.0.0.1')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--token <value>', 'require Authorization: Bearer <value> on every API call (default: $CALABI_TOKEN)')
    .option('--query-timeout <seconds>', 'SQL console: stop a query after this long', '10')
    .option('--query-rows <n>', 'SQL console: return at most this many rows', '10000')
    .option('--query-memory <size>', 'SQL console: DuckDB memory limit of a query; its worker process is killed 512 MB above it', '2GB')
    .option('--query-bytes <size>', 'SQL console: return at most this much row data (JSON size)', '16MB');
}

/** Validated server settings from flags; a wrong value is a UsageError naming the flag. */
export function serverSettings(flags: ServeFlags) {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not '${flags.port}'`);
  const timeout = Number(flags.queryTimeout);
  if (!(timeout > 0 && timeout <= 3600)) throw new UsageError(`--query-timeout must be a number of seconds from 0 to 3600, not '${flags.queryTimeout}'`);
  const rows = Number(flags.queryRows);
  if (!Number.isInteger(rows) || rows < 1 || rows > 1_000_000) throw new UsageError(`--query-rows must be a whole number from 1 to 1000000, not '${flags.queryRows}'`);
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(flags.queryMemory)) throw new UsageError(`--query-memory must be a size such as 512MB or 2GB, not '${flags.queryMemory}'`);
  const bytes = flags.queryBytes ?? '16MB';
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i.test(bytes) || sizeBytes(bytes) < 1024) throw new UsageError(`--query-bytes must be a size such as 4MB or 64MB, not '${bytes}'`);
  const token = flags.token ?? (process.env.CALABI_TOKEN || undefined);
  return { host: flags.host, port, token, console: { timeoutMs: timeout * 1000, maxRows: rows, maxBytes: sizeBytes(bytes), memoryLimit: flags.queryMemory } };
}

/**
 * Opens the database for serving: no extensions and the memory limit at once; the console then locks the
 * configuration with external access off except for its snapshot directory (console/sandbox.ts), before the
 * server listens. Console queries themselves run in worker processes on a read-only copy.
 */
export async function openServedDb(path: string, memoryLimit: string): Promise<Database> {
  const { Database } = await import('../../schema/db.js');
  const db = await Database.open(path, { config: sandboxConfig(memoryLimit) });
  // Scans and syncs a killed process left `running` show as interrupted, not as runs that never end.
  const { closeInterruptedRuns } = await import('../../controls/interrupted.js');
  await closeInterruptedRuns(db).catch((error: unknown) => {
    db.close();
    throw error;
  });
  return db;
}

/** Listens until SIGINT/SIGTERM, then closes the server and the database. */
export async function serveUntilStopped(server: RunningServer, db: Database, beforeClose?: () => Promise<void>): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stderr.write('\nStopping…\n');
      // Whatever still runs (a scan, a sync) may not hold the process: after a few seconds, or at a second
      // signal, it ends anyway. Console queries are already gone: server.close() kills their workers.
      const force = () => {
        process.stderr.write('calabi: stopped before everything finished\n');
        process.exit(process.exitCode ?? 0);
      };
      setTimeout(force, 5000).unref();
      process.once('SIGINT', force);
      process.once('SIGTERM', force);
      server.close().then(resolve, (error: unknown) => {
        process.stderr.write(`calabi: closing the server failed: ${(error as Error).message}\n`);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await beforeClose?.();
  db.close();
}

/** The sync the server runs for "Run now" with sync and for sync-first schedules (the AWS SDK loads then). */
export function syncFromFlags(flags: SyncFlags): SyncFn {
  const settings = syncSettings(flags);
  return async (target) => (await import('../../sync/runner.js')).runSync({ db: target, ...settings });
}

export async function startFromFlags(db: Database, flags: ServeFlags, extra: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const settings = serverSettings(flags);
  const sync = syncFromFlags(flags);
  // The server (Hono, the exporters, the console) loads when it starts, not for --help.
  const { ServerConfigError, startServer } = await import('../../api/server.js');
  try {
    return await startServer({ db, sync, ...settings, ...extra });
  } catch (error) {
    if (error instanceof ServerConfigError) throw new UsageError(error.message);
    throw error;
  }
}

export const register: RegisterCommand = (program) => {
  addSyncOptions(addServeOptions(program.command('serve').description('serve the dashboard, JSON API and SQL console over the inventory')))
    .option('--retention-days <n>', 'keep scans this many days, then prune them (default: $CALABI_RETENTION_DAYS or 90)')
    .option('--public-url <url>', 'base URL of this page as others reach it, for report links in alerts (default: $CALABI_PUBLIC_URL or the listen URL)')
    .option('--webhook-allow <cidrs>', 'non-public address ranges webhooks may reach, e.g. 10.0.0.0/8,fd12::/16 (default: $CALABI_WEBHOOK_ALLOW; none)')
    .action(async (flags: ServeFlags & ServeSchedulingFlags & { webhookAllow?: string }, cmd: Command) => {
      const settings = serverSettings(flags);
      // Deliveries read the allow-list from the environment; check it now so a typo stops the start, not an alert.
      if (flags.webhookAllow !== undefined) process.env.CALABI_WEBHOOK_ALLOW = flags.webhookAllow;
      try {
        parseAllowList(process.env.CALABI_WEBHOOK_ALLOW);
      } catch (error) {
        throw new UsageError((error as Error).message.replace(/^\[webhook\] /, ''));
      }
      // Check access before opening anything, so a refused start changes nothing.
      const { checkAccess, ServerConfigError } = await import('../../api/server.js');
      try {
        checkAccess(settings.host, settings.token);
      } catch (error) {
        throw error instanceof ServerConfigError ? new UsageError(error.message) : error;
      }
      const retentionDays = retentionDaysFlag(flags);
      syncSettings(flags); // a bad sync flag fails now, not at the first scheduled run
      const { createServeScheduling } = await import('../../scheduler/serve.js');
      const db = await openServedDb(dbPathOf(cmd), settings.console.memoryLimit);
      const scheduling = createServeScheduling({ db, sync: syncFromFlags(flags), retentionDays, publicUrl: flags.publicUrl ?? process.env.CALABI_PUBLIC_URL, logger: createLogger({ json: globalOptions(cmd).jsonLogs }) });
      // Other CLI commands on this database work through this server while it runs (docs/cli-beside-serve.md).
      const { announce, localAccess } = await import('../beside/announce-server.js');
      const beside = localAccess((error) => process.stderr.write(`calabi serve: a command beside the server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
      const server = await startFromFlags(db, flags, { runner: scheduling.runner, scheduler: scheduling.scheduler, beside }).catch((error: unknown) => {
        db.close();
        throw error;
      });
      const withdraw = announce(dbPathOf(cmd), server, beside.credential);
      await scheduling.start(server.url);
      process.stderr.write(`Calabi is serving ${db.path} at ${server.url}${settings.token ? ' (API token required)' : ''}\nPress Ctrl+C to stop.\n`);
      await serveUntilStopped(server, db, async () => {
        withdraw();
        await scheduling.stop();
      });
    });
};
