import type { DBClusterSnapshotAttribute, DBSnapshotAttribute } from '@aws-sdk/client-rds';

/** The sharing columns of a snapshot row: who may restore it, and whether that is anyone. */
export interface Sharing {
  restore_accounts: string[] | null;
  public: boolean | null;
}

/** AWS never shares automated snapshots (they must be copied first): no attribute call, nobody but the owner. */
export const unshared: Sharing = { restore_accounts: [], public: false };

/** The 'restore' attribute of DescribeDB(Cluster)SnapshotAttributes; 'all' makes the snapshot public. */
export function sharingOf(attributes: ReadonlyArray<DBSnapshotAttribute | DBClusterSnapshotAttribute> | undefined): Sharing {
  const restore = (attributes ?? []).find((a) => a.AttributeName === 'restore');
  const accounts = restore?.AttributeValues ?? [];
  return { restore_accounts: accounts, public: accounts.includes('all') };
}

/** Only automated snapshots are known unshared; manual, awsbackup and any future type need their attributes read. */
export const needsAttributes = (snapshotType: string | undefined): boolean => snapshotType !== 'automated';
