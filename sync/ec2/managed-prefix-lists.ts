import { EC2Client, paginateDescribeManagedPrefixLists, paginateGetManagedPrefixListEntries, type ManagedPrefixList, type PrefixListEntry } from '@aws-sdk/client-ec2';
import type { Row } from '../../schema/db.js';
import { awsEc2ManagedPrefixLists } from '../../schema/ec2.js';
import type { Collector } from '../types.js';
import { allItems, ec2Arn, requireElement, tagMap } from './shared.js';

/**
 * aws_ec2_managed_prefix_lists: DescribeManagedPrefixLists, then GetManagedPrefixListEntries per list (no list
 * call carries the entries). Security-group rules that name a prefix list are resolved through these entries,
 * so a list whose entries could not be read is an item error (the scope is in error and the checks reading
 * it report ERROR) and its entry columns stay NULL: unknown, never "no entries".
 */
export const managedPrefixListsCollector: Collector = {
  service: 'ec2',
  name: 'managed-prefix-lists',
  scope: 'regional',
  tables: [awsEc2ManagedPrefixLists],
  async collect(ctx) {
    const ec2 = ctx.client(EC2Client);
    const lists = await allItems(paginateDescribeManagedPrefixLists({ client: ec2 }, {}), (p) => requireElement(p.PrefixLists, 'DescribeManagedPrefixLists', 'PrefixLists'));
    const entries = await ctx.map(lists, async (list) => {
      try {
        return await allItems(paginateGetManagedPrefixListEntries({ client: ec2 }, { PrefixListId: list.PrefixListId, TargetVersion: list.Version }), (p) =>
          requireElement(p.Entries, 'GetManagedPrefixListEntries', 'Entries'),
        );
      } catch (error) {
        ctx.itemError(error, { operation: 'GetManagedPrefixListEntries', table: awsEc2ManagedPrefixLists.name, resourceId: list.PrefixListArn ?? list.PrefixListId });
        return undefined;
      }
    });
    return { [awsEc2ManagedPrefixLists.name]: lists.map((list, i) => prefixListRow(list, entries[i], ctx.accountId === list.OwnerId ? ec2Arn(ctx, 'prefix-list', list.PrefixListId) : undefined)) };
  },
};

/** One row; `entries` undefined means they could not be read. */
export function prefixListRow(list: ManagedPrefixList, entries: PrefixListEntry[] | undefined, fallbackArn?: string): Row {
  const cidrs = entries?.map((e) => e.Cidr ?? '') ?? null;
  return {
    arn: list.PrefixListArn ?? fallbackArn ?? list.PrefixListId ?? null,
    prefix_list_id: list.PrefixListId ?? null,
    prefix_list_name: list.PrefixListName ?? null,
    address_family: list.AddressFamily ?? null,
    owner_id: list.OwnerId ?? null,
    state: list.State ?? null,
    version: list.Version ?? null,
    max_entries: list.MaxEntries ?? null,
    entries: entries ?? null,
    cidrs,
    // Any /0 is the whole address space of its family (AWS writes them 0.0.0.0/0 and ::/0).
    contains_world: cidrs === null ? null : cidrs.some((c) => /\/0$/.test(c.trim())),
    tags: tagMap(list.Tags),
    raw: { ...list, Entries: entries ?? null },
  };
}
