import { createHash } from 'node:crypto';

/**
 * `calabi sync --shard I/N`: N workers (a Kubernetes Indexed Job, an AWS Batch array job, a CI matrix) split the
 * accounts between them without talking to each other. Shard I (0-based, as JOB_COMPLETION_INDEX and
 * AWS_BATCH_JOB_ARRAY_INDEX count) takes the accounts whose hash falls to it:
 *
 *   shard(account) = (first 4 bytes of SHA-256(account id), big-endian unsigned) mod N
 *
 * The share depends on the account id alone, not on the list: workers that list an organization a moment apart
 * still agree on every account both saw, and an account joining or leaving moves no other account. Over many
 * accounts the shares are even; with very few some shard may get none, which is a finished, empty shard.
 */
export interface Shard {
  index: number;
  count: number;
  /** Names the run the shards belong to (CALABI_SHARD_GROUP / --shard-group), for `calabi status`. */
  group: string;
}

export function shardOfAccount(accountId: string, count: number): number {
  return createHash('sha256').update(accountId).digest().readUInt32BE(0) % count;
}

export function accountsOfShard(accountIds: readonly string[], shard: Pick<Shard, 'index' | 'count'>): string[] {
  return accountIds.filter((a) => shardOfAccount(a, shard.count) === shard.index);
}
