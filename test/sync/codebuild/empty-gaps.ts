type Handler = (args: { input: Record<string, unknown> }) => Promise<unknown>;
interface Stack { middlewareStack: { add: (mw: (next: Handler, context: { commandName?: string }) => Handler, opts: object) => void } }

/**
 * moto 5.2.1 implements neither ListReportGroups nor ListSourceCredentials: for tests about the other CodeBuild
 * data, this cans those two calls with the answers AWS gives an account that has neither (empty lists).
 */
export function emptyCodeBuildGaps(client: unknown, service: string): void {
  if (service !== 'CodeBuild') return;
  (client as Stack).middlewareStack.add((next, context) => async (args) => {
    if (context.commandName === 'ListReportGroupsCommand') return { output: { $metadata: {}, reportGroups: [] } };
    if (context.commandName === 'ListSourceCredentialsCommand') return { output: { $metadata: {}, sourceCredentialsInfos: [] } };
    return next(args);
  }, { step: 'initialize', name: 'emptyCodeBuildGaps' });
}
