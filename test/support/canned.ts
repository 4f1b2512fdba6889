import type { SyncContext } from '../../sync/types.js';

/** An error shaped like the SDK's service exceptions: describeAwsError reads its name as AWS's code. */
export function awsError(code: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), { name: code, $metadata: { httpStatusCode } });
}

export type Handlers = Record<string, (input: Record<string, unknown>, region: string) => unknown>;

/**
 * A SyncContext whose clients are real SDK clients answered by canned handlers (by command name), for what
 * moto cannot express. Every call is logged; an unexpected command fails the test; item errors are kept.
 */
export function cannedContext(handlers: Handlers, base: Partial<SyncContext> = {}) {
  const calls: string[] = [];
  const itemErrors: Array<{ error: unknown; operation: string; table: string; resourceId?: string }> = [];
  const region = base.region ?? 'us-east-1';
  const sharedAnswers = new Map<string, Promise<unknown>>();
  const ctx: SyncContext = {
    accountId: '111111111111',
    partition: 'aws',
    region,
    clientRegion: base.clientRegion ?? (region === 'global' ? 'us-east-1' : region),
    regions: [region === 'global' ? 'us-east-1' : region],
    now: new Date(),
    client<C>(ctor: new (config: any) => C, clientRegion?: string): C {
      const r = clientRegion ?? ctx.clientRegion;
      const client = new ctor({ region: r, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }) as C & { middlewareStack: { add: Function } };
      client.middlewareStack.add(
        (_next: unknown, context: { commandName: string }) => async (args: { input: Record<string, unknown> }) => {
          calls.push(context.commandName);
          const handler = handlers[context.commandName];
          if (!handler) throw new Error(`unexpected ${context.commandName}`);
          return { output: { $metadata: {}, ...(handler(args.input, r) as object) }, response: {} };
        },
        { step: 'initialize', name: 'canned' },
      );
      return client;
    },
    map: (items, fn) => Promise.all(items.map(fn)),
    itemError: (error, where) => {
      itemErrors.push({ error, ...where });
    },
    // As the runner does for one account and region: the first caller's answer for every later one.
    shared: <T,>(key: string, load: () => Promise<T>) => {
      let answer = sharedAnswers.get(key) as Promise<T> | undefined;
      if (!answer) sharedAnswers.set(key, (answer = load()));
      return answer;
    },
    ...base,
  };
  return { ctx, calls, itemErrors };
}
