import type { Row } from '../../schema/db.js';
import type { TableDef } from '../../schema/table.js';
import type { Collector, SyncContext } from '../types.js';

/** arn:<partition>:ec2:<region>:<account>:<type>/<id> — EC2 lists most resources without their ARN. */
export function ec2Arn(ctx: SyncContext, type: string, id: string | undefined, owner = ctx.accountId): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${owner}:${type}/${id ?? ''}`;
}

/** [{Key, Value}] → {key: value}, the form analysts query with ->> 'Name'. */
export function tagMap(tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}

/** Every item of every page: the SDK paginators follow NextToken (AWS sends one; moto does not). */
export async function allItems<P, I>(pages: AsyncIterable<P>, items: (page: P) => I[] | undefined): Promise<I[]> {
  const out: I[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** A regional collector that lists one kind of resource and maps each item to one row of one table. */
export function listCollector<I>(spec: {
  service?: string;
  name: string;
  table: TableDef;
  list: (ctx: SyncContext) => Promise<I[]>;
  row: (item: I, ctx: SyncContext) => Row;
}): Collector {
  return {
    service: spec.service ?? 'ec2',
    name: spec.name,
    scope: 'regional',
    tables: [spec.table],
    async collect(ctx) {
      const items = await spec.list(ctx);
      return { [spec.table.name]: items.map((item) => ({ ...spec.row(item, ctx), raw: item })) };
    },
  };
}

/**
 * The list element of a successful answer, which must be there: a 200 without it (cut or empty body, a proxy
 * in the way) is a failure of the call, not an empty list — otherwise a lost answer would read as "nothing open".
 */
export function requireElement<I>(items: I[] | undefined, operation: string, element: string): I[] {
  if (items === undefined) throw new Error(`[sync] ec2 ${operation} answered without its ${element} element; the answer is incomplete`);
  return items;
}
