import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { motoClientConfig, startMoto, type Moto } from '../../support/moto.js';

// The credentials moto's own helpers take.
export type Credentials = NonNullable<Parameters<typeof motoClientConfig>[2]>;

/** Calls moto answers before it checks signatures and IAM policies: exactly the six that make the two users. */
const setupCalls = 6;

/**
 * One moto_server that evaluates IAM policies (moto's INITIAL_NO_AUTH_ACTION_COUNT): `admin` may call anything,
 * `denied` nothing but sts:GetCallerIdentity, so every collector's first call is refused as AWS refuses it.
 */
export async function startEnforcingMoto(): Promise<{ moto: Moto; admin: Credentials; denied: Credentials }> {
  const moto = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: String(setupCalls) });
  const iam = new IAMClient(motoClientConfig(moto));
  const user = async (name: string, action: string): Promise<Credentials> => {
    await iam.send(new CreateUserCommand({ UserName: name }));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] };
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'contract', PolicyDocument: JSON.stringify(policy) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  };
  const admin = await user('contract-admin', '*');
  const denied = await user('contract-denied', 'sts:GetCallerIdentity');
  return { moto, admin, denied };
}

type Next = (args: { input: Record<string, unknown> }) => Promise<unknown>;
type Stack = { middlewareStack: { add: (mw: (next: Next, context: { commandName?: string }) => Next, opts: object) => void } };

/** An operation as `<client>:<command>`, e.g. `SQS:ListQueues` (the client class name without "Client"). */
export type Operation = string;

/**
 * How to page an answer moto gives whole (it ignores the page size of many list calls): the list member and
 * the token members of the operation, as AWS names them.
 */
export interface CannedPages {
  items: string;
  inputToken: string;
  outputToken: string;
}

export interface Paging {
  param: string;
  size: number;
  canned?: CannedPages;
}

const cannedToken = 'contract-page:';

/**
 * runSync's configureClient: counts every call by operation (a retried call counts once: initialize runs once
 * per send) and, for the operations named in `paging`, asks for pages of `size` items so a few seeded items span
 * several pages. Where moto answers whole, the canned pager cuts moto's real answer into pages of one item with
 * a next-page token, as AWS would page it: the collector must follow the token to see every item.
 */
export function callRecorder(paging: ReadonlyMap<Operation, Paging>) {
  const calls = new Map<Operation, number>();
  const configure = (client: unknown, service: string) =>
    (client as Stack).middlewareStack.add(
      (next, context) => async (args) => {
        const op = `${service}:${(context.commandName ?? '').replace(/Command$/, '')}`;
        calls.set(op, (calls.get(op) ?? 0) + 1);
        const page = paging.get(op);
        if (!page) return next(args);
        if (!page.canned) return next({ ...args, input: { ...args.input, [page.param]: page.size } });
        return cannedPage(next, args.input, page.canned);
      },
      { step: 'initialize', name: 'contractCalls' },
    );
  return { calls, configure };
}

async function cannedPage(next: Next, input: Record<string, unknown>, c: CannedPages): Promise<unknown> {
  const token = input[c.inputToken];
  const index = typeof token === 'string' && token.startsWith(cannedToken) ? Number(token.slice(cannedToken.length)) : 0;
  const { [c.inputToken]: _dropped, ...rest } = input;
  const result = (await next({ input: rest })) as { output: Record<string, unknown> };
  const items = (result.output[c.items] as unknown[] | undefined) ?? [];
  const more = index + 1 < items.length;
  return { ...result, output: { ...result.output, [c.items]: items.slice(index, index + 1), [c.outputToken]: more ? `${cannedToken}${index + 1}` : undefined } };
}
