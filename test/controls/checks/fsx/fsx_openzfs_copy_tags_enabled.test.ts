import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const fs = (id: string, type: string | null, backups: boolean | null, volumes: boolean | null) => ({
  arn: `arn:aws:fsx:us-east-1:111111111111:file-system/${id}`, id, file_system_type: type, copy_tags_to_backups: backups, copy_tags_to_volumes: volumes,
});
const check = 'fsx_openzfs_copy_tags_enabled';

describe(check, () => {
  it('fails an OpenZFS file system that does not copy tags to backups, to volumes, or whose settings were not reported, and one of unreported type', async () => {
    await seed(db, 'aws_fsx_file_systems', [
      fs('fs-a-none', 'OPENZFS', false, false), fs('fs-b-backups', 'OPENZFS', false, true), fs('fs-c-volumes', 'OPENZFS', true, false),
      fs('fs-d-unknown', 'OPENZFS', true, null), fs('fs-e-both', 'OPENZFS', true, true), fs('fs-f-untyped', null, null, null),
    ]);
    expect((await checkFindings(db, check)).map((r) => [r.file_system, r.reason])).toEqual([
      ['fs-a-none', 'OpenZFS file system fs-a-none does not copy its tags to backups or volumes'],
      ['fs-b-backups', 'OpenZFS file system fs-b-backups does not copy its tags to backups'],
      ['fs-c-volumes', 'OpenZFS file system fs-c-volumes does not copy its tags to volumes'],
      ['fs-d-unknown', 'OpenZFS file system fs-d-unknown does not copy its tags to volumes (a setting was not reported: sync again)'],
      ['fs-f-untyped', 'The type of FSx file system fs-f-untyped was not reported: it may be an OpenZFS file system that does not copy its tags (sync again)'],
    ]);
  });

  it('passes an OpenZFS file system copying tags to both, and leaves other FSx types alone', async () => {
    await seed(db, 'aws_fsx_file_systems', [fs('fs-zfs', 'OPENZFS', true, true), fs('fs-lustre', 'LUSTRE', false, null), fs('fs-ontap', 'ONTAP', null, null)]);
    expect(await checkFindings(db, check)).toEqual([]);
  });

  it('returns nothing for an empty inventory', async () => {
    expect(await checkFindings(db, check)).toEqual([]);
  });
});
