import { describe, expect, it } from 'vitest';
import { retryConflicts } from '../../schema/lake-retry.js';

const conflict = () => new Error('TransactionContext Error: Failed to commit: Transaction conflict - attempting to delete rows from table "aws_s3_buckets" which were deleted by another transaction');
const noSleep = async () => undefined;

describe('retrying a lake write that conflicted at commit', () => {
  it('runs a conflicting write again until it commits', async () => {
    let calls = 0;
    const result = await retryConflicts(async () => {
      if (++calls < 4) throw conflict();
      return 'committed';
    }, 12, noSleep);
    expect([result, calls]).toEqual(['committed', 4]);
  });

  it('gives up after the bounded attempts with an error saying so, never silently', async () => {
    let calls = 0;
    await expect(retryConflicts(async () => {
      calls++;
      throw conflict();
    }, 5, noSleep)).rejects.toThrow(/still conflicted with other writers after 5 attempts/);
    expect(calls).toBe(5);
  });

  it("runs a write again when DuckLake's own commit retries ran out under many writers", async () => {
    let calls = 0;
    const result = await retryConflicts(async () => {
      if (++calls < 2) throw new Error('TransactionContext Error: Failed to commit: Failed to commit DuckLake transaction.\nExceeded the maximum retry count of 10 set by the ducklake_max_retry_count setting.');
      return 'committed';
    }, 12, noSleep);
    expect(result).toBe('committed');
    expect(calls).toBe(2);
  });

  it('does not retry an error that is not a conflict', async () => {
    let calls = 0;
    await expect(retryConflicts(async () => {
      calls++;
      throw new Error('Binder Error: table aws_nope does not exist');
    }, 5, noSleep)).rejects.toThrow(/aws_nope/);
    expect(calls).toBe(1);
  });

  it('waits longer after each conflict (exponential backoff, capped)', async () => {
    const waits: number[] = [];
    await retryConflicts(async () => {
      if (waits.length < 8) throw conflict();
    }, 12, async (ms) => void waits.push(ms));
    expect(waits[1]! >= waits[0]! / 2 && waits[7]! > waits[0]! && Math.max(...waits) <= 5000).toBe(true);
  });
});
