import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const fs = (id: string, encrypted: boolean) => ({ arn: `arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/${id}`, file_system_id: id, encrypted });

describe('efs_file_system_encrypted', () => {
  it('fails an unencrypted file system and passes an encrypted one', async () => {
    await seed(db, 'aws_efs_file_systems', [fs('fs-plain', false), fs('fs-sealed', true)]);
    const rows = await checkFindings(db, 'efs_file_system_encrypted');
    expect(rows.map((r) => [r.file_system_id, r.resource_id])).toEqual([['fs-plain', 'arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-plain']]);
  });

  it('passes when every file system is encrypted', async () => {
    await seed(db, 'aws_efs_file_systems', [fs('fs-sealed', true)]);
    expect(await checkFindings(db, 'efs_file_system_encrypted')).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, 'efs_file_system_encrypted')).toEqual([]);
  });
});
