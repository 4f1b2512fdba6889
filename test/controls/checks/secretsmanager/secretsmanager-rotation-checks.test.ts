import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const synced = new Date('2026-06-01T00:00:00Z');
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const secret = (name: string, extra: Record<string, unknown>) => ({ arn: `arn:aws:secretsmanager:us-east-1:111111111111:secret:${name}-AbCdEf`, name, synced_at: synced, created_date: day('2026-05-20'), ...extra });
// A replica in us-east-1 of a secret whose primary is eu-west-1: judged there, not here.
const replica = (name: string, extra: Record<string, unknown>) => secret(name, { raw: { PrimaryRegion: 'eu-west-1' }, ...extra });
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => [r.secret_name, r.reason]);

describe('secretsmanager_secret_rotation_enabled', () => {
  const id = 'secretsmanager_secret_rotation_enabled';
  it('fails secrets without automatic rotation, leaving replicas to their primary', async () => {
    await seed(db, 'aws_secretsmanager_secrets', [secret('a', { rotation_enabled: true }), secret('b', { rotation_enabled: false }), replica('c', { rotation_enabled: false })]);
    expect(await reasons(id)).toEqual([['b', 'Secrets Manager secret b has no automatic rotation']]);
  });
  it('passes secrets that rotate, and a secret in its own primary region', async () => {
    await seed(db, 'aws_secretsmanager_secrets', [secret('a', { rotation_enabled: true }), secret('b', { rotation_enabled: true, raw: { PrimaryRegion: 'us-east-1' } })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('secretsmanager_secret_rotated_within_90_days', () => {
  const id = 'secretsmanager_secret_rotated_within_90_days';
  it('fails secrets last rotated, or created and never rotated, more than 90 days before the sync', async () => {
    await seed(db, 'aws_secretsmanager_secrets', [
      secret('old-rotation', { last_rotated_date: day('2026-01-01'), created_date: day('2025-01-01') }),
      secret('never', { last_rotated_date: null, created_date: day('2025-12-01') }),
      secret('unknown', { last_rotated_date: null, created_date: null }),
      secret('recent', { last_rotated_date: day('2026-05-01'), created_date: day('2025-01-01') }),
      secret('new', { last_rotated_date: null, created_date: day('2026-05-25') }),
    ]);
    expect(await reasons(id)).toEqual([
      ['never', 'Secret never has never been rotated since it was created on 2025-12-01, 182 days before the sync'],
      ['old-rotation', 'Secret old-rotation was last rotated on 2026-01-01, 151 days before the sync'],
      ['unknown', 'Neither the last rotation nor the creation date of secret unknown is known'],
    ]);
  });
  it('passes secrets rotated or created within 90 days', async () => {
    await seed(db, 'aws_secretsmanager_secrets', [secret('a', { last_rotated_date: day('2026-03-10') }), secret('b', {})]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('secretsmanager_secret_used_within_90_days', () => {
  const id = 'secretsmanager_secret_used_within_90_days';
  it('fails secrets last read, or created and never read, more than 90 days before the sync', async () => {
    await seed(db, 'aws_secretsmanager_secrets', [
      secret('stale', { last_accessed_date: day('2026-02-01'), created_date: day('2025-01-01') }),
      secret('orphan', { last_accessed_date: null, created_date: day('2025-11-11') }),
      secret('used', { last_accessed_date: day('2026-05-31'), created_date: day('2025-01-01') }),
      replica('replica', { last_accessed_date: null, created_date: day('2020-01-01') }),
    ]);
    expect(await reasons(id)).toEqual([
      ['orphan', 'Secret orphan has never been read since it was created on 2025-11-11'],
      ['stale', 'Secret stale was last read on 2026-02-01, 120 days before the sync'],
    ]);
  });
  it('passes secrets read within 90 days and new secrets not read yet', async () => {
    await seed(db, 'aws_secretsmanager_secrets', [secret('a', { last_accessed_date: day('2026-04-01') }), secret('b', {})]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('secretsmanager_secret_rotation_succeeds (SecretsManager.2)', () => {
  const id = 'secretsmanager_secret_rotation_succeeds';
  // synced at 2026-06-01T00:00Z: a rotation due on 2026-05-31 had its whole UTC day to run; one due on 2026-06-01 has not yet.
  it('fails rotating secrets whose scheduled rotation window closed before the sync, and one with no next date', async () => {
    await seed(db, 'aws_secretsmanager_secrets', [
      secret('overdue', { rotation_enabled: true, next_rotation_date: new Date('2026-05-31T13:00:00Z'), last_rotated_date: day('2026-05-01') }),
      secret('never', { rotation_enabled: true, next_rotation_date: day('2026-04-01'), last_rotated_date: null }),
      secret('unknown', { rotation_enabled: true, next_rotation_date: null }),
      secret('due-today', { rotation_enabled: true, next_rotation_date: new Date('2026-06-01T00:00:00Z'), last_rotated_date: day('2026-05-02') }),
      replica('replica', { rotation_enabled: true, next_rotation_date: day('2026-01-01') }),
    ]);
    expect(await reasons(id)).toEqual([
      ['never', 'Secret never was due to rotate on 2026-04-01 and has not rotated since (last rotation: never)'],
      ['overdue', 'Secret overdue was due to rotate on 2026-05-31 and has not rotated since (last rotation: 2026-05-01)'],
      ['unknown', 'Secret unknown has automatic rotation on but no next rotation date was reported'],
    ]);
  });
  it('passes secrets whose next rotation is ahead, and leaves secrets without rotation to SecretsManager.1', async () => {
    await seed(db, 'aws_secretsmanager_secrets', [
      secret('a', { rotation_enabled: true, next_rotation_date: day('2026-06-30'), last_rotated_date: day('2026-05-31') }),
      secret('b', { rotation_enabled: false, next_rotation_date: null }),
    ]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
