import { GetCredentialReportCommand } from '@aws-sdk/client-iam';

// Middleware for the real IAM client of a sync (runSync's configureClient): count calls by command, and make the
// credential report lag behind IAM. moto generates its report on every GetCredentialReport, so it is always
// current; AWS reuses a report for up to four hours, so a user created since is missing from it. Removing that
// user's line from moto's answer is the one way to express that lag against moto.

type Next = (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;
type Configure = (client: unknown, service: string) => void;

function addIam(client: unknown, service: string, name: string, mw: (next: Next, context: { commandName?: string }) => Next): void {
  if (service !== 'IAM') return;
  (client as { middlewareStack: { add: (mw: unknown, opts: unknown) => void } }).middlewareStack.add(mw, { step: 'initialize', name });
}

/** Counts every IAM call by command name (retries are one call: initialize runs once per send). */
export function countIamCalls(): { configure: Configure; calls: Map<string, number>; count: (command: string) => number } {
  const calls = new Map<string, number>();
  return {
    calls,
    count: (command) => calls.get(command) ?? 0,
    configure: (client, service) =>
      addIam(client, service, 'countCalls', (next, context) => async (args) => {
        const name = (context.commandName ?? '').replace(/Command$/, '');
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return next(args);
      }),
  };
}

/** The credential report as AWS would give it if these users were created after it was generated. */
export function hideFromReport(...userNames: string[]): Configure {
  return (client, service) =>
    addIam(client, service, 'hideFromReport', (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName !== GetCredentialReportCommand.name) return result;
      const csv = new TextDecoder().decode(result.output.Content as Uint8Array);
      const kept = csv.split('\n').filter((line) => !userNames.some((n) => line.startsWith(`${n},`)));
      return { ...result, output: { ...result.output, Content: new TextEncoder().encode(kept.join('\n')) } };
    });
}

export function both(...configures: Configure[]): Configure {
  return (client, service) => configures.forEach((c) => c(client, service));
}
