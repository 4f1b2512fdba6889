import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const fs = (id: string, status: string | null, state = 'available') => ({
  arn: `arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/${id}`, file_system_id: id, backup_policy_status: status, life_cycle_state: state,
});
const check = 'efs_automatic_backups_enabled';

describe(check, () => {
  it('fails a file system without automatic backups, one still ENABLING and one whose policy could not be read', async () => {
    await seed(db, 'aws_efs_file_systems', [fs('fs-off', 'DISABLED'), fs('fs-soon', 'ENABLING'), fs('fs-unread', null), fs('fs-on', 'ENABLED')]);
    expect((await checkFindings(db, check)).map((r) => [r.file_system_id, r.reason])).toEqual([
      ['fs-off', 'Automatic backups are DISABLED for EFS file system fs-off'],
      ['fs-soon', 'Automatic backups are ENABLING for EFS file system fs-soon'],
      ['fs-unread', 'The backup policy of EFS file system fs-unread could not be read: automatic backups cannot be shown on (sync again)'],
    ]);
  });

  it('passes a file system with automatic backups, and leaves one being deleted out', async () => {
    await seed(db, 'aws_efs_file_systems', [fs('fs-on', 'ENABLED'), fs('fs-going', 'DISABLED', 'deleting')]);
    expect(await checkFindings(db, check)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, check)).toEqual([]);
  });
});
