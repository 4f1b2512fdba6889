import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const arn = (name: string) => `arn:aws:firehose:us-east-1:111111111111:deliverystream/${name}`;
const kinesisArn = (name: string) => `arn:aws:kinesis:us-east-1:111111111111:stream/${name}`;
const direct = (name: string, status: string | null) => ({ arn: arn(name), name, stream_type: 'DirectPut', encryption_status: status });
const fromKinesis = (name: string, source: string) => ({ arn: arn(name), name, stream_type: 'KinesisStreamAsSource', source_stream_arn: kinesisArn(source) });
const check = 'firehose_delivery_stream_encrypted_at_rest';

describe(check, () => {
  it('fails a DirectPut stream without server-side encryption, one still ENABLING, and one whose status was not reported', async () => {
    await seed(db, 'aws_firehose_delivery_streams', [direct('plain', 'DISABLED'), direct('starting', 'ENABLING'), direct('unknown', null), direct('sealed', 'ENABLED')]);
    expect((await checkFindings(db, check)).map((r) => [r.delivery_stream, r.reason])).toEqual([
      ['plain', 'Firehose stream plain is not encrypted at rest (server-side encryption DISABLED)'],
      ['starting', 'Firehose stream starting is not encrypted at rest (server-side encryption ENABLING)'],
      ['unknown', 'The server-side encryption of Firehose stream unknown was not reported: it cannot be shown encrypted (sync again)'],
    ]);
  });

  it('judges a stream reading a Kinesis data stream by that stream, failing one outside the inventory', async () => {
    await seed(db, 'aws_kinesis_streams', [
      { arn: kinesisArn('open'), name: 'open', encryption_type: 'NONE' },
      { arn: kinesisArn('locked'), name: 'locked', encryption_type: 'KMS' },
    ]);
    // Firehose reports its own encryption DISABLED for such streams: it cannot encrypt them, and is not asked to.
    await seed(db, 'aws_firehose_delivery_streams', [fromKinesis('from-open', 'open'), fromKinesis('from-locked', 'locked'), fromKinesis('from-elsewhere', 'elsewhere')]);
    expect((await checkFindings(db, check)).map((r) => [r.delivery_stream, r.reason])).toEqual([
      ['from-elsewhere', `Firehose stream from-elsewhere reads Kinesis stream ${kinesisArn('elsewhere')}, which is not in the inventory: its encryption at rest cannot be shown (sync that account and region)`],
      ['from-open', 'Firehose stream from-open keeps its data in Kinesis stream open, which is not encrypted at rest (encryption NONE)'],
    ]);
  });

  it('passes an encrypted DirectPut stream and an MSK-sourced one', async () => {
    await seed(db, 'aws_firehose_delivery_streams', [direct('sealed', 'ENABLED'), { arn: arn('msk'), name: 'msk', stream_type: 'MSKAsSource', encryption_status: 'DISABLED' }]);
    expect(await checkFindings(db, check)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, check)).toEqual([]);
  });
});
