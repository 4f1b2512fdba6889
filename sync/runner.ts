import { randomUUID } from 'node:crypto';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { DescribeOrganizationCommand, OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import pLimit from 'p-limit';
import type { Database, Row } from '../schema/db.js';
import { currentOwner } from '../schema/owner.js';
import { kyselyOf } from '../schema/kysely.js';
import { appendColumns } from '../schema/own-tables.js';
import { StorageError } from '../schema/storage-error.js';
import { awsAccounts, awsRegionCoverage, awsRegions } from '../schema/core.js';
import { CallCounter, callingService, ClientFactory, defaultMaxInFlight, requestHandlerOptions, type CallTimeouts } from './clients.js';
import { defaultSyncDeadlineMs, deadlineScopeError, SyncDeadline } from './deadline.js';
import { describeAwsError, isAwsError, SyncSetupError } from './errors.js';
import { homeRegion, partitionOf } from '../lib/aws/partitions.js';
import { chooseRegions, enabledRegions, type RegionInfo } from './regions.js';
import type { Collector, CredentialSource, SyncContext } from './types.js';
import { recordScopeFailure, writeScope, type ScopeError } from './writer.js';
import { assertKnownServices, loadCollectors } from './services.js';
import { accountsOfShard, type Shard } from './shard.js';

export interface SyncOptions {
  db: Database;
  /** Regions to scan; default: the account's enabled regions of its partition. */
  regions?: readonly string[];
  /** Services to collect (iam, s3, …); default: all. */
  services?: readonly string[];
  profile?: string;
  /** Explicit credentials (tests); default: the standard AWS provider chain. */
  credentials?: CredentialSource;
  endpoint?: string;
  /** Role to assume in each target account (with accounts or organization). */
  roleName?: string;
  externalId?: string;
  accounts?: readonly string[];
  organization?: boolean;
  /** Sync only this shard's share of the accounts (sync/shard.ts); needs accounts or organization. */
  shard?: Shard;
  /** Concurrent API calls per service and region. */
  concurrency?: number;
  /**
   * Calls in flight at once across the whole run, every account, service and region (default 32): with 40+
   * services the per-service limits alone would add up to hundreds. Counted per attempt, so retry back-off frees
   * the slot.
   */
  maxInFlight?: number;
  /** Concurrent collector scopes (collector × account × region) across the run. */
  parallelScopes?: number;
  maxAttempts?: number;
  /** Per-attempt limits of every AWS call (default: 10 s connect, 60 s request). */
  timeouts?: CallTimeouts;
  /** The whole sync ends after this long: unfinished scopes are recorded in error (default: 2 h). */
  deadlineMs?: number;
  collectors?: readonly Collector[];
  configureClient?: (client: unknown, serviceName: string) => void;
  onProgress?: (event: SyncProgress) => void;
}

export type SyncProgress =
  | { type: 'plan'; accounts: string[]; regions: string[]; scopes: number }
  | { type: 'scope-start'; accountId: string; region: string; service: string; collector: string }
  | { type: 'scope-done'; accountId: string; region: string; service: string; collector: string; rows: number; errors: number; failed: boolean }
  | { type: 'account-error'; accountId: string; message: string };

export interface SyncErrorRow {
  accountId: string | null;
  region: string | null;
  service: string;
  operation: string;
  table: string | null;
  resourceId: string | null;
  code: string;
  message: string;
}

export interface SyncResult {
  runId: string;
  /** timed_out: the deadline ended the run; its unfinished scopes are in error. */
  status: 'ok' | 'partial' | 'timed_out';
  accounts: string[];
  regions: string[];
  rowsByTable: Record<string, number>;
  resources: number;
  apiCalls: number;
  /** API calls by SDK client (`CloudWatchLogs`, `EC2`, …). */
  apiCallsByService: Record<string, number>;
  /** API calls by the Calabi service whose collector made them (`(runner)`: the runner's own), then by SDK client. */
  apiCallsBySyncService: Record<string, Record<string, number>>;
  errors: SyncErrorRow[];
  durationMs: number;
}

interface AccountTarget {
  accountId: string;
  partition: string;
  credentials: CredentialSource;
  callerArn: string;
}

export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  const runId = randomUUID();
  const counter = new CallCounter();
  const errors: SyncErrorRow[] = [];
  const rowsByTable: Record<string, number> = {};
  const maxAttempts = options.maxAttempts ?? 6;
  const deadline = new SyncDeadline(options.deadlineMs ?? defaultSyncDeadlineMs);
  try {
    return await syncUntilDeadline(options, { started, runId, counter, errors, rowsByTable, maxAttempts, deadline });
  } finally {
    deadline.clear();
  }
}

interface RunState {
  started: number;
  runId: string;
  counter: CallCounter;
  errors: SyncErrorRow[];
  rowsByTable: Record<string, number>;
  maxAttempts: number;
  deadline: SyncDeadline;
}

async function syncUntilDeadline(options: SyncOptions, state: RunState): Promise<SyncResult> {
  const { started, runId, counter, errors, rowsByTable, maxAttempts, deadline } = state;
  const baseCredentials = options.credentials ?? fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  const startRegion = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? options.regions?.[0] ?? 'us-east-1';
  const inFlight = pLimit(options.maxInFlight ?? defaultMaxInFlight);
  const factoryFor = (credentials: CredentialSource) =>
    new ClientFactory(
      { credentials, endpoint: options.endpoint, maxAttempts, timeouts: options.timeouts, signal: deadline.signal, configureClient: options.configureClient, inFlight },
      counter,
    );

  const collectors = options.collectors ? selectCollectors(options.collectors, options.services) : await loadCollectors(options.services);

  // Who are we? Without an identity nothing can run: that is a setup error (exit 2), not a sync error.
  const baseFactory = factoryFor(baseCredentials);
  let identity: { Account?: string; Arn?: string };
  try {
    identity = await baseFactory.get(STSClient, startRegion).send(new GetCallerIdentityCommand({}));
  } catch (cause) {
    const { code, message } = describeAwsError(cause);
    await recordFailedRun(options, runId, started, `cannot identify the AWS caller (${code}: ${message})`);
    throw new SyncSetupError(
      `[sync] cannot identify the AWS caller (${code}: ${message}). Configure credentials: AWS_PROFILE or --profile, ` +
        'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO (aws sso login), or run with no account to use the bundled demo (npm start).',
      { cause },
    );
  }
  const partition = identity.Arn?.split(':')[1] ?? partitionOf(startRegion);
  const home = homeRegion(partition, startRegion);
  if (!home) {
    const message = `the caller is in partition ${partition}, which the AWS SDK's endpoint data does not place region ${startRegion} in`;
    await recordFailedRun(options, runId, started, message, identity.Account);
    throw new SyncSetupError(`[sync] ${message}: set AWS_REGION (or --regions) to a region of partition ${partition}, or update the AWS SDK if the partition is new.`);
  }

  let regionsListed = true;
  const available = await enabledRegions(baseFactory.get(EC2Client, home), partition).catch(async (cause) => {
    // As the message below promises: explicit --regions of the caller's partition work without DescribeRegions.
    const requested = [...new Set(options.regions ?? [])];
    if (requested.length > 0 && requested.every((r) => partitionOf(r) === partition)) {
      regionsListed = false;
      return requested.map((region): RegionInfo => ({ region, partition, optInStatus: 'unknown', endpoint: undefined }));
    }
    await recordFailedRun(options, runId, started, `cannot list regions (EC2 DescribeRegions: ${describeAwsError(cause).message})`, identity.Account);
    throw new SyncSetupError(`[sync] cannot list regions (EC2 DescribeRegions: ${describeAwsError(cause).message}). Grant ec2:DescribeRegions or pass --regions.`, { cause });
  });
  const regions = chooseRegions(options.regions, available);

  const owner = currentOwner(); // a killed sync's row is closed as interrupted by the next command (controls/interrupted.ts)
  await kyselyOf(options.db)
    .insertInto('sync_runs')
    .values({
      id: runId, started_at: new Date(started), status: 'running', regions: regions.map((r) => r.region), services: [...new Set(collectors.map((c) => c.service))],
      owner_pid: owner.pid, owner_host: owner.host, owner_started_at: owner.startedAt,
      ...(options.shard ? { shard_index: options.shard.index, shard_count: options.shard.count, shard_group: options.shard.group } : {}),
    })
    .execute();

  const recordError = (e: SyncErrorRow) => errors.push(e);
  const targets = await resolveAccounts(options, baseFactory, baseCredentials, identity, partition, home, recordError, deadline);
  const regionNames = regions.map((r) => r.region);

  const scopesPerAccount = collectors.reduce((n, c) => n + (c.scope === 'global' ? 1 : regions.length), 0);
  options.onProgress?.({ type: 'plan', accounts: targets.map((t) => t.accountId), regions: regionNames, scopes: scopesPerAccount * targets.length + targets.length });

  const scopeLimit = pLimit(options.parallelScopes ?? 8);
  const tasks: Promise<void>[] = [];
  for (const target of targets) {
    const factory = factoryFor(target.credentials);
    const serviceLimits = new Map<string, ReturnType<typeof pLimit>>();
    const limitFor = (service: string, region: string) => {
      const key = `${service}:${region}`;
      let l = serviceLimits.get(key);
      if (!l) serviceLimits.set(key, (l = pLimit(options.concurrency ?? 8)));
      return l;
    };
    const now = new Date();
    // Lists several collectors of a service need, asked once per account, service and region (SyncContext.shared).
    const sharedAnswers = new Map<string, Promise<unknown>>();
    const accountScope = deadline.track({ accountId: target.accountId, region: 'global', service: 'account', tables: [awsAccounts, awsRegions, awsRegionCoverage] });
    const coverage = regionCoverage(available, regions, regionsListed);
    tasks.push(
      scopeLimit(async () => {
        if (deadline.ended) return;
        await syncAccountRows(options.db, runId, target, factory, regions, coverage, home, now, rowsByTable, recordError, options, deadline);
        deadline.done(accountScope);
      }),
    );
    for (const collector of collectors) {
      const scopeRegions = collector.scope === 'global' ? ['global'] : regionNames;
      for (const region of scopeRegions) {
        const clientRegion = region === 'global' ? home : region;
        const limit = limitFor(collector.service, clientRegion);
        const scopeErrors: ScopeError[] = [];
        const ctx: SyncContext = {
          accountId: target.accountId,
          partition: target.partition,
          region,
          clientRegion,
          regions: regionNames,
          now,
          client: (ctor, r) => factory.get(ctor, r ?? clientRegion),
          map: (items, fn) => Promise.all(items.map((item) => limit(() => fn(item)))),
          itemError: (error, where) => {
            const { code, message } = describeAwsError(error);
            scopeErrors.push({ ...where, code, message });
          },
          shared: <T,>(key: string, load: () => Promise<T>) => {
            const k = `${collector.service}\u0000${clientRegion}\u0000${key}`;
            let answer = sharedAnswers.get(k) as Promise<T> | undefined;
            if (!answer) sharedAnswers.set(k, (answer = load()));
            return answer;
          },
        };
        const scope = deadline.track({ accountId: target.accountId, region, service: collector.service, tables: collector.tables });
        tasks.push(
          scopeLimit(async () => {
            // Past the deadline nothing starts and nothing is written: the run records every unfinished scope.
            if (deadline.ended) return;
            const progress = { accountId: target.accountId, region, service: collector.service, collector: collector.name };
            options.onProgress?.({ type: 'scope-start', ...progress });
            let rows = 0;
            let failed = false;
            try {
              const collected = await callingService.run(collector.service, () => collector.collect(ctx));
              if (deadline.ended) return;
              rows = await writeScope(options.db, { runId, accountId: target.accountId, region, tables: collector.tables, collected, now, errors: scopeErrors });
              for (const t of collector.tables) rowsByTable[t.name] = (rowsByTable[t.name] ?? 0) + (collected[t.name]?.length ?? 0);
            } catch (cause) {
              if (deadline.ended) return;
              if (cause instanceof StorageError) {
                // The database cannot be written (disk full): not a collection failure, and nothing more can be
                // recorded. Stop every call and end the sync with this error; committed scopes stay as they were.
                deadline.stop(cause);
                throw cause;
              }
              failed = true;
              const { code, message } = describeAwsError(cause);
              scopeErrors.push({ operation: operationOf(cause) ?? collector.name, table: collector.tables[0]?.name ?? collector.name, code, message });
              await recordScopeFailure(options.db, { runId, accountId: target.accountId, region, tables: collector.tables, now, errors: scopeErrors });
            }
            for (const e of scopeErrors) {
              recordError({ accountId: target.accountId, region, service: collector.service, operation: e.operation, table: e.table, resourceId: e.resourceId ?? null, code: e.code, message: e.message });
            }
            deadline.done(scope);
            options.onProgress?.({ type: 'scope-done', ...progress, rows, errors: scopeErrors.length, failed });
          }),
        );
      }
    }
  }
  // A deadline that passes as the last scope finishes ends nothing: only unfinished scopes make a timed-out run.
  const completed = (await deadline.race(Promise.all(tasks))) || deadline.unfinished().length === 0;
  if (!completed) {
    // The deadline passed: every scope still collecting or waiting keeps its previous rows, marked stale and in
    // error, so the checks reading it report ERROR instead of passing on old data.
    const at = new Date();
    for (const s of deadline.unfinished()) {
      const e = deadlineScopeError(deadline.ms, s.tables[0]?.name ?? s.service);
      await recordScopeFailure(options.db, { runId, accountId: s.accountId, region: s.region, tables: s.tables, now: at, errors: [e] });
      recordError({ accountId: s.accountId, region: s.region, service: s.service, operation: e.operation, table: e.table, resourceId: null, code: e.code, message: e.message });
    }
  }
  const status: SyncResult['status'] = !completed ? 'timed_out' : errors.length ? 'partial' : 'ok';

  const finished = new Date();
  await options.db.write(async (tx) => {
    if (errors.length > 0) {
      await tx.append(
        'sync_errors',
        appendColumns('sync_errors'),
        errors.map((e) => ({
          run_id: runId,
          account_id: e.accountId,
          region: e.region,
          service: e.service,
          operation: e.operation,
          table_name: e.table,
          resource_id: e.resourceId,
          error_code: e.code,
          message: e.message,
          occurred_at: finished,
        })),
      );
    }
    const resources = Object.values(rowsByTable).reduce((a, b) => a + b, 0);
    await kyselyOf(tx)
      .updateTable('sync_runs')
      .set({
        finished_at: finished, status, accounts: targets.map((t) => t.accountId), api_calls: counter.total, resources, error_count: errors.length,
        message: completed ? null : `the sync deadline (${deadline.ms / 1000} s) passed; unfinished scopes are in error`,
      })
      .where('id', '=', runId)
      .execute();
  });

  return {
    runId,
    status,
    accounts: targets.map((t) => t.accountId),
    regions: regionNames,
    rowsByTable,
    resources: Object.values(rowsByTable).reduce((a, b) => a + b, 0),
    apiCalls: counter.total,
    apiCallsByService: Object.fromEntries(counter.byClient()),
    apiCallsBySyncService: Object.fromEntries([...counter.byCaller].map(([caller, clients]) => [caller, Object.fromEntries(clients)])),
    errors,
    durationMs: Date.now() - started,
  };
}

/**
 * A sync that could not run at all still leaves a trace: a 'failed' sync_runs row naming the accounts it was
 * meant for (NULL when it could not even tell which account the credentials belong to). The engine treats
 * every scope of those accounts attempted before it as in doubt (controls/scopes.ts): the older rows are
 * not the present, and evaluating them must not PASS silently.
 */
async function recordFailedRun(options: SyncOptions, runId: string, started: number, message: string, self?: string): Promise<void> {
  const named = options.roleName ? options.accounts ?? [] : self ? [self] : [];
  await kyselyOf(options.db)
    .insertInto('sync_runs')
    .values({
      id: runId, started_at: new Date(started), finished_at: new Date(), status: 'failed', accounts: named.length ? [...named] : null,
      regions: options.regions?.length ? [...options.regions] : null, services: options.services?.length ? [...options.services] : null, error_count: 1, message,
      ...(options.shard ? { shard_index: options.shard.index, shard_count: options.shard.count, shard_group: options.shard.group } : {}),
    })
    .execute();
}

function selectCollectors(collectors: readonly Collector[], services: readonly string[] | undefined): Collector[] {
  if (!services || services.length === 0) return [...collectors];
  assertKnownServices(collectors.map((c) => c.service), services);
  return collectors.filter((c) => services.includes(c.service));
}

function operationOf(error: unknown): string | undefined {
  const op = (error as { $operation?: string; operation?: string })?.operation;
  return typeof op === 'string' ? op : undefined;
}

async function resolveAccounts(
  options: SyncOptions,
  baseFactory: ClientFactory,
  baseCredentials: CredentialSource,
  identity: { Account?: string; Arn?: string },
  partition: string,
  home: string,
  recordError: (e: SyncErrorRow) => void,
  deadline: SyncDeadline,
): Promise<AccountTarget[]> {
  const self: AccountTarget = { accountId: identity.Account!, partition, credentials: baseCredentials, callerArn: identity.Arn ?? '' };
  if (!options.roleName) {
    if (options.shard) throw new SyncSetupError('[sync] --shard splits the accounts of --accounts or --organization (with --role-name) between workers: give one of them.');
    if (options.accounts?.length || options.organization) {
      throw new SyncSetupError('[sync] --accounts and --organization need --role-name: the role Calabi assumes in each account.');
    }
    return [self];
  }
  let accountIds = [...(options.accounts ?? [])];
  if (options.organization) {
    try {
      for await (const page of paginateListAccounts({ client: baseFactory.get(OrganizationsClient, home) }, {})) {
        for (const a of page.Accounts ?? []) if (a.Id && (a.Status ?? 'ACTIVE') === 'ACTIVE') accountIds.push(a.Id);
      }
    } catch (cause) {
      throw new SyncSetupError(`[sync] cannot list the organization's accounts (${describeAwsError(cause).message}). Run from the management account or a delegated administrator, or pass --accounts.`, { cause });
    }
  }
  accountIds = [...new Set(accountIds)];
  if (accountIds.length === 0) throw new SyncSetupError('[sync] no accounts to sync: pass --accounts id,id or --organization with --role-name.');
  const bad = accountIds.filter((a) => !/^\d{12}$/.test(a));
  if (bad.length) throw new SyncSetupError(`[sync] not an AWS account id (12 digits): ${bad.join(', ')}`);
  // A shard may get no account (few accounts, many shards): it finishes at once, recorded like the others.
  if (options.shard) accountIds = accountsOfShard(accountIds, options.shard);

  const targets: AccountTarget[] = [];
  for (const accountId of accountIds) {
    const roleArn = `arn:${partition}:iam::${accountId}:role/${options.roleName}`;
    const credentials = fromTemporaryCredentials({
      masterCredentials: baseCredentials,
      params: { RoleArn: roleArn, RoleSessionName: 'calabi-sync', ...(options.externalId ? { ExternalId: options.externalId } : {}) },
      clientConfig: { region: home, requestHandler: requestHandlerOptions(options.timeouts), ...(options.endpoint ? { endpoint: options.endpoint } : {}) },
    });
    try {
      const probe = new ClientFactory({ credentials, endpoint: options.endpoint, maxAttempts: options.maxAttempts ?? 6, timeouts: options.timeouts, signal: deadline.signal }, new CallCounter());
      const who = await probe.get(STSClient, home).send(new GetCallerIdentityCommand({}));
      targets.push({ accountId: who.Account ?? accountId, partition, credentials, callerArn: who.Arn ?? roleArn });
    } catch (cause) {
      const { code, message } = describeAwsError(cause);
      recordError({ accountId, region: 'global', service: 'sts', operation: 'AssumeRole', table: null, resourceId: roleArn, code, message });
      options.onProgress?.({ type: 'account-error', accountId, message: `${code}: ${message}` });
    }
  }
  return targets;
}

/** aws_accounts and aws_regions: the scopes every account- and region-level check starts from. */
async function syncAccountRows(
  db: Database,
  runId: string,
  target: AccountTarget,
  factory: ClientFactory,
  regions: readonly RegionInfo[],
  coverage: readonly Row[],
  home: string,
  now: Date,
  rowsByTable: Record<string, number>,
  recordError: (e: SyncErrorRow) => void,
  options: SyncOptions,
  deadline: SyncDeadline,
): Promise<void> {
  const errors: ScopeError[] = [];
  let alias: string | null = null;
  let org: { Id?: string; MasterAccountId?: string } | null = null;
  try {
    const out = await factory.get(IAMClient, home).send(new ListAccountAliasesCommand({}));
    alias = out.AccountAliases?.[0] ?? null;
  } catch (cause) {
    errors.push({ operation: 'ListAccountAliases', table: awsAccounts.name, ...codeMessage(cause) });
  }
  try {
    org = (await factory.get(OrganizationsClient, home).send(new DescribeOrganizationCommand({}))).Organization ?? null;
  } catch (cause) {
    if (!isAwsError(cause, 'AWSOrganizationsNotInUseException')) errors.push({ operation: 'DescribeOrganization', table: awsAccounts.name, ...codeMessage(cause) });
  }
  const account: Row = {
    arn: `arn:${target.partition}:::${target.accountId}`,
    partition: target.partition,
    alias,
    organization_id: org?.Id ?? null,
    organization_master_account_id: org?.MasterAccountId ?? null,
    caller_arn: target.callerArn,
    raw: { accountId: target.accountId, alias, organization: org },
  };
  if (deadline.ended) return;
  const regionRows: Row[] = regions.map((r) => ({ region: r.region, partition: r.partition, opt_in_status: r.optInStatus, endpoint: r.endpoint ?? null, raw: r }));
  await writeScope(db, { runId, accountId: target.accountId, region: 'global', tables: [awsAccounts], collected: { [awsAccounts.name]: [account] }, now, errors });
  await writeScope(db, { runId, accountId: target.accountId, region: 'global', tables: [awsRegions], collected: { [awsRegions.name]: regionRows }, now, errors: [] });
  await writeScope(db, { runId, accountId: target.accountId, region: 'global', tables: [awsRegionCoverage], collected: { [awsRegionCoverage.name]: [...coverage] }, now, errors: [] });
  rowsByTable[awsAccounts.name] = (rowsByTable[awsAccounts.name] ?? 0) + 1;
  rowsByTable[awsRegions.name] = (rowsByTable[awsRegions.name] ?? 0) + regionRows.length;
  for (const e of errors) recordError({ accountId: target.accountId, region: 'global', service: 'account', operation: e.operation, table: e.table, resourceId: null, code: e.code, message: e.message });
  options.onProgress?.({ type: 'scope-done', accountId: target.accountId, region: 'global', service: 'account', collector: 'account', rows: 1 + regionRows.length, errors: errors.length, failed: false });
}

/**
 * aws_region_coverage: every enabled region with whether this sync covered it, so reports on "in all regions"
 * requirements can say "judged on 2 of 17 enabled regions; excluded by --regions: …". The enabled regions are
 * those DescribeRegions gave the calling identity; when it could not be called, only the requested regions are
 * known and `enabled` is NULL.
 */
export function regionCoverage(available: readonly RegionInfo[], chosen: readonly RegionInfo[], listed: boolean): Row[] {
  const inScope = new Set(chosen.map((r) => r.region));
  return available.map((r) => ({
    region: r.region,
    partition: r.partition,
    enabled: listed ? true : null,
    in_scope: inScope.has(r.region),
    excluded_by: inScope.has(r.region) ? null : '--regions',
    raw: r,
  }));
}

function codeMessage(cause: unknown): { code: string; message: string } {
  const { code, message } = describeAwsError(cause);
  return { code, message };
}
