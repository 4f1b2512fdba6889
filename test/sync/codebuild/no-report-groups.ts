type Handler = (args: { input: Record<string, unknown> }) => Promise<unknown>;
interface Stack { middlewareStack: { add: (mw: (next: Handler, context: { commandName?: string }) => Handler, opts: object) => void } }

/**
 * moto 5.2.1 does not implement ListReportGroups: for tests about the other CodeBuild data, this cans that one call
 * with the answer AWS gives an account without report groups (an empty list).
 */
export function noReportGroups(client: unknown, service: string): void {
  if (service !== 'CodeBuild') return;
  (client as Stack).middlewareStack.add((next, context) => async (args) =>
    context.commandName === 'ListReportGroupsCommand' ? { output: { $metadata: {}, reportGroups: [] } } : next(args),
  { step: 'initialize', name: 'noReportGroups' });
}
