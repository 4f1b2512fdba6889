import { describe, expect, it } from 'vitest';
import { shardSettings } from '../../cli/shard-options.js';
import { accountsOfShard, shardOfAccount } from '../../sync/shard.js';

const accounts = Array.from({ length: 200 }, (_, i) => String(100000000000 + i * 7919));

describe('sharded sync: which accounts a shard takes', () => {
  it('gives every account to exactly one of N shards', () => {
    const shares = [0, 1, 2, 3].map((index) => accountsOfShard(accounts, { index, count: 4 }));
    expect(shares.flat().sort()).toEqual([...accounts].sort());
    for (const share of shares) expect(share.length).toBeGreaterThan(20); // 200 accounts spread over 4, none starved
  });

  it('decides by the account id alone, so workers listing the accounts differently still agree', () => {
    const reversed = accountsOfShard([...accounts].reverse(), { index: 1, count: 4 });
    expect(reversed.sort()).toEqual(accountsOfShard(accounts, { index: 1, count: 4 }).sort());
    expect(accountsOfShard(accounts.slice(0, 50), { index: 1, count: 4 })).toEqual(accountsOfShard(accounts, { index: 1, count: 4 }).filter((a) => accounts.slice(0, 50).includes(a)));
  });

  it('hashes as documented: the first 4 bytes of SHA-256 of the id, big-endian, mod N', () => {
    // sha256('111111111111') starts with 0xa18ac4e6… (echo -n 111111111111 | sha256sum)
    expect(shardOfAccount('111111111111', 1)).toBe(0);
    expect(shardOfAccount('111111111111', 1000)).toBe(0xa18ac4e6 % 1000);
  });

  it('refuses a shard that is not I/N with I below N', () => {
    expect(shardSettings({ shard: '2/3' }, {})).toEqual({ shard: { index: 2, count: 3, group: 'default' } });
    expect(shardSettings({ shard: '1/3', shardGroup: 'nightly' }, {}).shard?.group).toBe('nightly');
    expect(shardSettings({}, { CALABI_SHARD: '0/2', CALABI_SHARD_GROUP: 'job-7' })).toEqual({ shard: { index: 0, count: 2, group: 'job-7' } });
    expect(() => shardSettings({ shard: '3/3' }, {})).toThrow(/counted from 0/);
    expect(() => shardSettings({ shard: '1' }, {})).toThrow(/I\/N/);
    expect(() => shardSettings({ shardGroup: 'x' }, {})).toThrow(/--shard I\/N/);
  });
});
