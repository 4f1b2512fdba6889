import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const cluster = (name: string, extra: Record<string, unknown>) => ({ arn: `arn:aws:eks:us-east-1:111111111111:cluster/${name}`, name, ...extra });
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => [r.cluster_name, r.reason]);

describe('eks_cluster_endpoint_not_public', () => {
  const id = 'eks_cluster_endpoint_not_public';
  it('fails public endpoints, restricted by CIDRs or not, and an unreported setting', async () => {
    await seed(db, 'aws_eks_clusters', [
      cluster('open', { endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'] }),
      cluster('office', { endpoint_public_access: true, public_access_cidrs: ['198.51.100.0/24'] }),
      cluster('unknown', { endpoint_public_access: null }),
      cluster('private', { endpoint_public_access: false, endpoint_private_access: true }),
    ]);
    expect(await reasons(id)).toEqual([
      ['office', 'EKS cluster office has a public API endpoint (allowed from 198.51.100.0/24)'],
      ['open', 'EKS cluster open has a public API endpoint (allowed from 0.0.0.0/0)'],
      ['unknown', 'The endpoint access of EKS cluster unknown was not reported'],
    ]);
  });
  it('passes private endpoints', async () => {
    await seed(db, 'aws_eks_clusters', [cluster('private', { endpoint_public_access: false })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('eks_cluster_secrets_encrypted', () => {
  const id = 'eks_cluster_secrets_encrypted';
  it('fails clusters without envelope encryption of secrets', async () => {
    await seed(db, 'aws_eks_clusters', [cluster('plain', {}), cluster('enc', { secrets_encryption_key_arn: 'arn:aws:kms:us-east-1:111111111111:key/1' })]);
    expect(await reasons(id)).toEqual([['plain', 'EKS cluster plain does not encrypt Kubernetes secrets with a KMS key']]);
  });
  it('passes clusters that encrypt secrets', async () => {
    await seed(db, 'aws_eks_clusters', [cluster('enc', { secrets_encryption_key_arn: 'arn:aws:kms:us-east-1:111111111111:key/1' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('eks_cluster_audit_logging_enabled', () => {
  const id = 'eks_cluster_audit_logging_enabled';
  it('fails clusters whose enabled log types leave out audit', async () => {
    await seed(db, 'aws_eks_clusters', [cluster('none', { enabled_log_types: [] }), cluster('api-only', { enabled_log_types: ['api', 'authenticator'] }), cluster('ok', { enabled_log_types: ['audit'] })]);
    expect(await reasons(id)).toEqual([
      ['api-only', 'EKS cluster api-only does not send audit logs to CloudWatch Logs (enabled: api, authenticator)'],
      ['none', 'EKS cluster none does not send audit logs to CloudWatch Logs (enabled: none)'],
    ]);
  });
  it('passes clusters with audit logging', async () => {
    await seed(db, 'aws_eks_clusters', [cluster('ok', { enabled_log_types: ['api', 'audit'] })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('eks_cluster_supported_version', () => {
  const id = 'eks_cluster_supported_version';
  // Judged by the day of the sync against schema/calendars/eks-kubernetes-versions.json: 1.32's standard support
  // ends on 2026-03-23 and its extended support on 2027-03-23; 1.35's standard support ends on 2027-03-27.
  const synced = (day: string) => new Date(`${day}T12:00:00Z`);
  it('fails a version in extended support, one past extended support and one older than the calendar', async () => {
    await seed(db, 'aws_eks_clusters', [
      cluster('extended', { version: '1.32', synced_at: synced('2026-06-01') }),
      cluster('ended', { version: '1.29', synced_at: synced('2026-06-01') }),
      cluster('ancient', { version: '1.9', synced_at: synced('2026-06-01') }),
      cluster('current', { version: '1.35', synced_at: synced('2026-06-01') }),
    ]);
    expect(await reasons(id)).toEqual([
      ['ancient', 'EKS cluster ancient runs Kubernetes 1.9, older than every version of the EKS release calendar: past its end of support'],
      ['ended', 'EKS cluster ended runs Kubernetes 1.29, whose extended support ended on 2026-03-23'],
      ['extended', 'EKS cluster extended runs Kubernetes 1.32, whose standard support ended on 2026-03-23 (extended support until 2027-03-23)'],
    ]);
  });
  it('judges by the day of the sync: standard support ends at the start of its end date', async () => {
    await seed(db, 'aws_eks_clusters', [
      cluster('last-day', { version: '1.32', synced_at: synced('2026-03-22') }),
      cluster('ended-today', { version: '1.32', synced_at: new Date('2026-03-23T00:00:01Z') }),
    ]);
    expect((await reasons(id)).map(([name]) => name)).toEqual(['ended-today']);
  });
  it('fails a version newer than Calabi\'s calendar and asks to update Calabi, rather than passing it', async () => {
    await seed(db, 'aws_eks_clusters', [cluster('next', { version: '1.99', synced_at: synced('2026-06-01') }), cluster('unknown', { version: null })]);
    expect(await reasons(id)).toEqual([
      ['next', "EKS cluster next runs Kubernetes 1.99, which Calabi's copy of the EKS release calendar (copied on 2026-12-01) does not list; update Calabi to judge it"],
      ['unknown', 'The Kubernetes version of EKS cluster unknown was not reported'],
    ]);
  });
  it('passes clusters in standard support', async () => {
    await seed(db, 'aws_eks_clusters', [cluster('a', { version: '1.35', synced_at: synced('2026-12-01') }), cluster('b', { version: '1.34', synced_at: synced('2026-12-01') })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
