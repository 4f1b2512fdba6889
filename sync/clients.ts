import { requireOutputMembers } from './required-output.js';
import type { ClientClass, CredentialSource } from './types.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import type { NodeHttpHandler } from '@smithy/node-http-handler';

export interface ClientOptions {
  credentials: CredentialSource;
  /** Overrides every service's endpoint (tests, moto). The SDK's own AWS_ENDPOINT_URL(_<SERVICE>) also apply. */
  endpoint?: string;
  maxAttempts: number;
  /** Call limits: each attempt of every API call (see CallTimeouts). */
  timeouts?: CallTimeouts;
  /** Aborted when the sync's deadline passes: every call in flight or still to come ends at once (AbortError). */
  signal?: AbortSignal;
  /**
   * Runs each attempt of each call (HTTP exchange and parsing), shared by every client of a sync run: the global cap
   * on calls in flight. It sits below the SDK's retry, so a throttled client's back-off holds no slot and slows only
   * that client (adaptive retry is per client: one service, region and account).
   */
  inFlight?: <T>(attempt: () => Promise<T>) => Promise<T>;
  /** Called on every new client: the place for test middleware (fault injection). */
  configureClient?: (client: unknown, serviceName: string) => void;
}

/**
 * Limits on one attempt of an AWS call: connecting (TCP + TLS) and the whole request until the response is read.
 * An endpoint that accepts the connection and never answers otherwise hangs the sync forever. A timed-out attempt
 * is a TimeoutError, which the SDK's retry treats as transient (retried up to maxAttempts), and then a collection
 * error like any other.
 */
export interface CallTimeouts {
  connectMs: number;
  requestMs: number;
}

/**
 * AWS calls in flight at once in one sync process, all accounts, services and regions together. Eight parallel
 * scopes of eight calls each would otherwise allow 64 item calls plus every scope's list calls; 32 keeps two cores
 * busy parsing answers (a sync is CPU-bound at AWS latencies, bench:scale) without bursts that draw throttling.
 */
export const defaultMaxInFlight = 32;

export const defaultCallTimeouts: CallTimeouts = { connectMs: 10_000, requestMs: 60_000 };

/** NodeHttpHandler options for a client's `requestHandler` (also the STS client that assumes roles). */
export function requestHandlerOptions(timeouts: CallTimeouts = defaultCallTimeouts) {
  // requestTimeout only warns unless throwOnRequestTimeout is set; socketTimeout (idle socket) also covers a server
  // that goes silent mid-response.
  return {
    connectionTimeout: timeouts.connectMs,
    requestTimeout: timeouts.requestMs,
    socketTimeout: timeouts.requestMs,
    throwOnRequestTimeout: true,
  };
}

/**
 * The SDK's HTTP/1.1 handler with our options. Required when a Kinesis client is built, not imported at the top:
 * this module loads for `calabi sync --help`, which must not load the SDK (test/cli/command-loading.test.ts).
 */
function http1Handler(timeouts: CallTimeouts): NodeHttpHandler {
  const { NodeHttpHandler: Handler } = createRequire(import.meta.url)('@smithy/node-http-handler') as typeof import('@smithy/node-http-handler');
  return new Handler(requestHandlerOptions(timeouts));
}

/**
 * The Calabi service whose collector is running (the runner sets it around each collector's work): a call is
 * counted under it whichever SDK client makes it (CloudFront's collector reads its log deliveries with the Logs
 * client). Calls made outside any collector (caller identity, regions, account alias, organization) count as the
 * runner's.
 */
export const callingService = new AsyncLocalStorage<string>();

/** Counts API calls across every client of one sync run. */
export class CallCounter {
  total = 0;
  /** By the Calabi service that made them (callingService; `(runner)` outside collectors), then by SDK client. */
  byCaller = new Map<string, Map<string, number>>();
  add(client: string): void {
    this.total++;
    const caller = callingService.getStore() ?? '(runner)';
    let clients = this.byCaller.get(caller);
    if (!clients) this.byCaller.set(caller, (clients = new Map()));
    clients.set(client, (clients.get(client) ?? 0) + 1);
  }

  /** By SDK client (`CloudWatchLogs`, `IAM`, …), whoever made them. */
  byClient(): Map<string, number> {
    const out = new Map<string, number>();
    for (const clients of this.byCaller.values()) for (const [client, n] of clients) out.set(client, (out.get(client) ?? 0) + n);
    return out;
  }
}

function customEndpointFor(serviceName: string, explicit?: string): string | undefined {
  if (explicit) return explicit;
  const envName = `AWS_ENDPOINT_URL_${serviceName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  return process.env[envName] ?? process.env.AWS_ENDPOINT_URL;
}

/**
 * Builds SDK clients for one account: adaptive retry for throttling, path-style S3 and no account-id host
 * prefix for S3 Control when the endpoint is custom (moto, LocalStack), and one call counter.
 */
export class ClientFactory {
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly options: ClientOptions,
    private readonly counter: CallCounter,
  ) {}

  get<C>(ctor: ClientClass<C>, region: string): C {
    const key = `${ctor.name}:${region}`;
    let client = this.cache.get(key) as C | undefined;
    if (client) return client;
    const serviceName = ctor.name.replace(/Client$/, '');
    const timeouts = this.options.timeouts ?? defaultCallTimeouts;
    const endpoint = customEndpointFor(serviceName === 'S3Control' ? 'S3_Control' : serviceName, this.options.endpoint);
    client = new ctor({
      region,
      credentials: this.options.credentials,
      retryMode: 'adaptive',
      maxAttempts: this.options.maxAttempts,
      // Kinesis's client defaults to HTTP/2, needed only for SubscribeToShard, which the sync never calls; every
      // call it makes is served over HTTP/1.1 too, so it gets the handler every other client has (and an HTTP/1.1
      // proxy or emulator in between works).
      requestHandler: serviceName === 'Kinesis' ? http1Handler(timeouts) : requestHandlerOptions(timeouts),
      ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
      ...(endpoint && serviceName === 'S3' ? { forcePathStyle: true } : {}),
      // S3 Control's endpoint rules put the account id in front of the host (123456789012.127.0.0.1), which a
      // custom endpoint cannot resolve; disableHostPrefix does not help because the rules, not a host prefix,
      // build that name. Resolve every call to the custom endpoint as given.
      ...(endpoint && serviceName === 'S3Control' ? { endpointProvider: () => ({ url: new URL(endpoint) }) } : {}),
    });
    const stack = (client as { middlewareStack?: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack;
    stack?.add(
      (next: (args: unknown) => Promise<unknown>) => (args: unknown) => {
        this.counter.add(serviceName);
        return next(args);
      },
      { step: 'initialize', name: 'calabiCallCounter' },
    );
    const inFlight = this.options.inFlight;
    if (inFlight) {
      // The deserialize step runs once per attempt, inside the retry middleware (finalizeRequest step): high
      // priority puts the cap around the handler and the parsing of its answer.
      stack?.add(
        (next: (args: unknown) => Promise<unknown>) => (args: unknown) => inFlight(() => next(args)),
        { step: 'deserialize', priority: 'high', name: 'calabiInFlightCap' },
      );
    }
    if (this.options.signal) abortOnDeadline(client, this.options.signal);
    requireOutputMembers(client, serviceName);
    this.options.configureClient?.(client, serviceName);
    this.cache.set(key, client);
    return client;
  }
}

/**
 * Hands the deadline's signal to every request of the client. The SDK passes a per-call abortSignal only from
 * send(command, { abortSignal }), which every collector would have to thread through; wrapping the client's
 * request handler does it in one place. An aborted request fails with AbortError, which the SDK never retries.
 */
function abortOnDeadline(client: unknown, signal: AbortSignal): void {
  const handler = (client as { config?: { requestHandler?: { handle?: (req: unknown, opts?: { abortSignal?: AbortSignal }) => Promise<unknown> } } }).config?.requestHandler;
  const handle = handler?.handle?.bind(handler);
  if (!handler || !handle) throw new Error('[sync] the AWS SDK client has no request handler to apply the sync deadline to');
  handler.handle = (req, opts = {}) => handle(req, { ...opts, abortSignal: opts.abortSignal ?? signal });
}
