import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const instance = (instance_id: string, state: string, metadata_http_tokens: string | null, metadata_http_endpoint = 'enabled') => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:instance/${instance_id}`,
  instance_id,
  state,
  metadata_http_tokens,
  metadata_http_endpoint,
});

describe('ec2_instance_imdsv2_required', () => {
  it('fails running and stopped instances that accept IMDSv1', async () => {
    await seed(db, 'aws_ec2_instances', [instance('i-running', 'running', 'optional'), instance('i-stopped', 'stopped', 'optional'), instance('i-unknown', 'running', null)]);
    const rows = await checkFindings(db, 'ec2_instance_imdsv2_required');
    expect(rows.map((r) => [r.instance_id, r.reason])).toEqual([
      ['i-running', 'Instance metadata service accepts IMDSv1 requests (http_tokens = optional)'],
      ['i-stopped', 'Instance metadata service accepts IMDSv1 requests (http_tokens = optional)'],
      ['i-unknown', 'Instance metadata service accepts IMDSv1 requests (http_tokens = unknown)'],
    ]);
  });

  it('passes instances requiring tokens or with the endpoint off, and ignores terminated ones', async () => {
    await seed(db, 'aws_ec2_instances', [
      instance('i-v2', 'running', 'required'),
      instance('i-off', 'running', 'optional', 'disabled'),
      instance('i-gone', 'terminated', 'optional'),
      instance('i-going', 'shutting-down', 'optional'),
    ]);
    expect(await checkFindings(db, 'ec2_instance_imdsv2_required')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'ec2_instance_imdsv2_required')).toEqual([]);
  });
});
