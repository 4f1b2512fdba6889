import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const ap = (id: string, extra: Row = {}): Row => ({
  arn: `arn:aws:elasticfilesystem:us-east-1:111111111111:access-point/${id}`, access_point_id: id, file_system_id: 'fs-1',
  root_directory_path: '/app', posix_uid: 1000, posix_gid: 1000, ...extra,
});

interface Case { id: string; failing: [string, Row, string][]; passing: Row[] }

const cases: Case[] = [
  { id: 'efs_access_point_root_directory',
    failing: [
      ['fsap-root', { root_directory_path: '/' }, "EFS access point fsap-root is rooted at the file system's root directory (/)"],
      ['fsap-unknown', { root_directory_path: null }, 'EFS access point fsap-unknown did not report its root directory'],
    ],
    // Any directory below the root confines the clients, however deep.
    passing: [ap('fsap-app'), ap('fsap-deep', { root_directory_path: '/teams/a/data' })] },
  { id: 'efs_access_point_user_identity',
    failing: [
      ['fsap-anyone', { posix_uid: null, posix_gid: null }, 'EFS access point fsap-anyone enforces no POSIX user identity'],
    ],
    // uid 0 is an identity AWS enforces: the control asks for one, not for a non-root one.
    passing: [ap('fsap-app'), ap('fsap-zero', { posix_uid: 0, posix_gid: 0 })] },
];

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('fails the access points that break it, with the reason, and only those', async () => {
    await seed(db, 'aws_efs_access_points', [...c.failing.map(([name, extra]) => ap(name, extra)), ...c.passing]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.access_point_id, r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]));
    expect(found[0]!.resource_id).toBe(ap(c.failing[0]![0]).arn);
  });
  it('passes access points configured as it asks', async () => {
    await seed(db, 'aws_efs_access_points', c.passing);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
