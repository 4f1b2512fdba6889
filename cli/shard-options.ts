import type { Command } from 'commander';
import { UsageError } from './errors.js';

/** `calabi sync --shard I/N [--shard-group NAME]` (sync/shard.ts; docs/ducklake.md). */
export interface ShardFlags {
  shard?: string;
  shardGroup?: string;
}

export function addShardOptions(cmd: Command): Command {
  return cmd
    .option('--shard <I/N>', "sync only shard I (from 0) of N of the accounts of --accounts/--organization, hashed by account id; N workers at once fill one lake (default: $CALABI_SHARD)")
    .option('--shard-group <name>', 'names the sharded run the shard belongs to, for `calabi status` (default: $CALABI_SHARD_GROUP, else "default")');
}

export function shardSettings(flags: ShardFlags, env: NodeJS.ProcessEnv = process.env): { shard?: { index: number; count: number; group: string } } {
  const value = flags.shard ?? (env.CALABI_SHARD || undefined);
  if (value === undefined) {
    if (flags.shardGroup !== undefined) throw new UsageError('--shard-group names a sharded run: give --shard I/N as well');
    return {};
  }
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || count < 1 || count > 10_000 || index >= count) {
    throw new UsageError(`--shard takes I/N, shard I of N counted from 0 (0/4 … 3/4) with N from 1 to 10000; not '${value}'`);
  }
  const group = (flags.shardGroup ?? env.CALABI_SHARD_GROUP ?? '').trim() || 'default';
  return { shard: { index, count, group } };
}
