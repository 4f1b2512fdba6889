import type { Row } from '../../schema/db.js';
import { describeAwsError, isAwsError } from '../errors.js';
import type { SyncContext } from '../types.js';

/**
 * SageMaker's list calls answer names only, so each item needs its Describe call. An item deleted between the
 * two calls has no row (SageMaker answers ValidationException "Could not find …"); any other failure is an item
 * error, and the item keeps a row with its name and ARN so the checks see it (and report ERROR for the table).
 */
export async function describeEach<T>(
  ctx: SyncContext,
  items: readonly { name: string; arn: string }[],
  where: { operation: string; table: string },
  describe: (name: string) => Promise<T>,
  row: (item: { name: string; arn: string }, described: T) => Row,
): Promise<Row[]> {
  const rows = await ctx.map(items, async (item): Promise<Row | null> => {
    try {
      return row(item, await describe(item.name));
    } catch (error) {
      if (isAwsError(error, 'ValidationException', 'ResourceNotFound') && /could not find/i.test(describeAwsError(error).message)) return null;
      ctx.itemError(error, { ...where, resourceId: item.arn });
      return { arn: item.arn, name: item.name, raw: { name: item.name } };
    }
  });
  return rows.filter((r): r is Row => r !== null);
}
