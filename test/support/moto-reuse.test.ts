import { execFileSync } from 'node:child_process';
import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { motoClientConfig, startMoto } from './moto.js';

/** Whether a moto_server listens on this port (its command line names the port). */
const running = (port: number) => {
  try {
    return execFileSync('pgrep', ['-f', `moto_server -H 127.0.0.1 -p ${port}$`]).toString().trim() !== '';
  } catch {
    return false;
  }
};

// testkit/moto.ts keeps a stopped server for the next startMoto of the same process: the next test file of a
// vitest worker gets it wiped, not a new process.
describe('moto servers kept between test files', () => {
  it('hands a stopped server back wiped, and kill() ends it', async () => {
    const first = await startMoto();
    await new S3Client(motoClientConfig(first)).send(new CreateBucketCommand({ Bucket: 'left-behind' }));
    await first.stop();
    const second = await startMoto();
    expect(second.port).toBe(first.port);
    expect((await new S3Client(motoClientConfig(second)).send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    // A server asked for while the kept one is in use is a new process.
    const third = await startMoto();
    expect(third.port).not.toBe(second.port);
    await third.kill();
    expect(running(third.port)).toBe(false);
    await second.kill();
    expect(running(second.port)).toBe(false);
  });

  it('never keeps a server that counts calls toward INITIAL_NO_AUTH_ACTION_COUNT', async () => {
    const counting = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: '1000' });
    await counting.stop();
    expect(running(counting.port)).toBe(false);
    const next = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: '1000' });
    expect(next.port).not.toBe(counting.port);
    await next.kill();
  });
});
