import { beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});

const stream = (name: string, extra: Row = {}): Row => ({ arn: `arn:aws:kinesis:us-east-1:111111111111:stream/${name}`, name, encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis', ...extra });
const machine = (name: string, extra: Row = {}): Row => ({ arn: `arn:aws:states:us-east-1:111111111111:stateMachine:${name}`, name, type: 'STANDARD', log_level: 'ERROR', ...extra });

interface Case { id: string; table: string; make: (name: string, extra?: Row) => Row; col: string; failing: [string, Row, string][]; passing: Row[] }

const cases: Case[] = [
  { id: 'kinesis_stream_encrypted_at_rest', table: 'aws_kinesis_streams', make: stream, col: 'stream_name',
    failing: [
      ['plain', { encryption_type: 'NONE', kms_key_id: null }, 'Kinesis data stream plain is not encrypted at rest (EncryptionType NONE)'],
      ['unknown', { encryption_type: null }, 'Kinesis data stream unknown did not report its encryption'],
    ],
    passing: [stream('sealed')] },
  { id: 'stepfunctions_state_machine_logging_enabled', table: 'aws_stepfunctions_state_machines', make: machine, col: 'state_machine_name',
    failing: [
      ['silent', { log_level: 'OFF' }, 'Step Functions state machine silent has logging off'],
      ['unknown', { log_level: null }, 'Step Functions state machine unknown did not report its logging configuration'],
    ],
    passing: [machine('errors'), machine('all', { log_level: 'ALL' }), machine('fatal', { log_level: 'FATAL' })] },
];

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the resources that break it, with the reason, and only those', async () => {
    await seed(db, c.table, [...c.failing.map(([name, extra]) => c.make(name, extra)), ...c.passing]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r[c.col], r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]));
    expect(found[0]!.resource_id).toBe(c.make(c.failing[0]![0]).arn);
  });
  it('passes resources configured as it asks', async () => {
    await seed(db, c.table, c.passing);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
