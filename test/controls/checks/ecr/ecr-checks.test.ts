import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
const repo = (name: string, extra: Record<string, unknown>) => ({ arn: `arn:aws:ecr:us-east-1:111111111111:repository/${name}`, name, ...extra });
const reasons = async (id: string) => (await checkFindings(db, id)).map((r) => [String(r.resource_id).split('/').pop(), r.reason]);

describe('ecr_repository_scan_on_push_enabled', () => {
  const id = 'ecr_repository_scan_on_push_enabled';
  it('fails manual scanning and an unread configuration, whatever the legacy repository flag says', async () => {
    await seed(db, 'aws_ecr_repositories', [
      repo('a', { scan_frequency: 'SCAN_ON_PUSH' }), repo('b', { scan_frequency: 'MANUAL', scan_on_push: false }), repo('c', { scan_frequency: null, scan_on_push: true }),
    ]);
    expect(await reasons(id)).toEqual([
      ['b', 'ECR repository b scans images only manually (scan frequency MANUAL)'],
      ['c', 'The image scanning configuration of ECR repository c could not be read'],
    ]);
  });
  it('passes scan on push and continuous scanning', async () => {
    await seed(db, 'aws_ecr_repositories', [repo('a', { scan_frequency: 'SCAN_ON_PUSH' }), repo('b', { scan_frequency: 'CONTINUOUS_SCAN' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ecr_repository_tag_immutability_enabled', () => {
  const id = 'ecr_repository_tag_immutability_enabled';
  it('fails mutable repositories, with or without exclusions', async () => {
    await seed(db, 'aws_ecr_repositories', [repo('a', { image_tag_mutability: 'MUTABLE' }), repo('b', { image_tag_mutability: 'MUTABLE_WITH_EXCLUSION' }), repo('c', { image_tag_mutability: 'IMMUTABLE' })]);
    expect(await reasons(id)).toEqual([
      ['a', 'ECR repository a lets tags be overwritten (image tag mutability MUTABLE)'],
      ['b', 'ECR repository b lets tags be overwritten (image tag mutability MUTABLE_WITH_EXCLUSION)'],
    ]);
  });
  it('passes immutable repositories, with or without exclusions', async () => {
    await seed(db, 'aws_ecr_repositories', [repo('a', { image_tag_mutability: 'IMMUTABLE' }), repo('b', { image_tag_mutability: 'IMMUTABLE_WITH_EXCLUSION' })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});

describe('ecr_repository_lifecycle_policy_configured', () => {
  const id = 'ecr_repository_lifecycle_policy_configured';
  it('fails repositories without a lifecycle policy or whose policy could not be read', async () => {
    await seed(db, 'aws_ecr_repositories', [repo('a', { has_lifecycle_policy: true }), repo('b', { has_lifecycle_policy: false }), repo('c', { has_lifecycle_policy: null })]);
    expect(await reasons(id)).toEqual([
      ['b', 'ECR repository b has no lifecycle policy'],
      ['c', 'The lifecycle policy of ECR repository c could not be read'],
    ]);
  });
  it('passes repositories with a lifecycle policy', async () => {
    await seed(db, 'aws_ecr_repositories', [repo('a', { has_lifecycle_policy: true })]);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
