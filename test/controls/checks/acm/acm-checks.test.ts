import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const synced = new Date('2026-06-01T00:00:00Z');
const cert = (id: string, extra: Record<string, unknown>) => ({ arn: `arn:aws:acm:us-east-1:111111111111:certificate/${id}`, domain_name: `${id}.example.com`, type: 'IMPORTED', synced_at: synced, ...extra });
const reasons = async (check: string) => (await checkFindings(db, check)).map((r) => [String(r.resource_id).split('/').pop(), r.reason]);

describe('acm_certificate_not_expiring', () => {
  const id = 'acm_certificate_not_expiring';
  it('fails certificates expiring within 30 days of the sync, or expired, of either type', async () => {
    await seed(db, 'aws_acm_certificates', [
      cert('soon', { not_after: new Date('2026-06-20T00:00:00Z') }),
      cert('gone', { not_after: new Date('2026-05-01T00:00:00Z'), type: 'AMAZON_ISSUED' }),
      cert('fine', { not_after: new Date('2026-09-01T00:00:00Z') }),
      cert('pending', { not_after: null, status: 'PENDING_VALIDATION' }),
    ]);
    expect(await reasons(id)).toEqual([
      ['gone', 'ACM certificate for gone.example.com (AMAZON_ISSUED) expired on 2026-05-01'],
      ['soon', 'ACM certificate for soon.example.com (IMPORTED) expires on 2026-06-20, 19 days after the sync'],
    ]);
  });
  it('judges against the sync time, not the time of evaluation', async () => {
    // Long expired by now, but 31 days ahead when the data was collected.
    await seed(db, 'aws_acm_certificates', [cert('then', { synced_at: new Date('2020-01-01T00:00:00Z'), not_after: new Date('2020-02-01T00:00:00Z') })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('passes certificates valid beyond 30 days', async () => {
    await seed(db, 'aws_acm_certificates', [cert('fine', { not_after: new Date('2026-07-02T00:00:00Z') })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('acm_certificate_rsa_key_length', () => {
  const id = 'acm_certificate_rsa_key_length';
  it('fails RSA keys shorter than 2,048 bits', async () => {
    await seed(db, 'aws_acm_certificates', [cert('weak', { key_algorithm: 'RSA_1024' }), cert('ok', { key_algorithm: 'RSA_2048' })]);
    expect(await reasons(id)).toEqual([['weak', 'ACM certificate for weak.example.com uses an RSA key shorter than 2,048 bits (RSA_1024)']]);
  });
  it('passes long RSA keys and leaves EC keys out of scope', async () => {
    await seed(db, 'aws_acm_certificates', [cert('a', { key_algorithm: 'RSA_4096' }), cert('b', { key_algorithm: 'EC_prime256v1' }), cert('c', { key_algorithm: 'RSA_3072' })]);
    expect(await checkFindings(db, id)).toEqual([]);
    expect(await db.all("SELECT count(*)::INTEGER AS n FROM aws_acm_certificates WHERE starts_with(key_algorithm, 'RSA_')")).toEqual([{ n: 2 }]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
