import { requireOutputMembers } from './required-output.js';
import type { ClientClass, CredentialSource } from './types.js';

export interface ClientOptions {
  credentials: CredentialSource;
  /** Overrides every service's endpoint (tests, moto). The SDK's own AWS_ENDPOINT_URL(_<SERVICE>) also apply. */
  endpoint?: string;
  maxAttempts: number;
  /** Called on every new client: the place for test middleware (fault injection). */
  configureClient?: (client: unknown, serviceName: string) => void;
}

/** Counts API calls across every client of one sync run. */
export class CallCounter {
  total = 0;
  byService = new Map<string, number>();
  add(service: string): void {
    this.total++;
    this.byService.set(service, (this.byService.get(service) ?? 0) + 1);
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
    const endpoint = customEndpointFor(serviceName === 'S3Control' ? 'S3_Control' : serviceName, this.options.endpoint);
    client = new ctor({
      region,
      credentials: this.options.credentials,
      retryMode: 'adaptive',
      maxAttempts: this.options.maxAttempts,
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
    requireOutputMembers(client, serviceName);
    this.options.configureClient?.(client, serviceName);
    this.cache.set(key, client);
    return client;
  }
}
