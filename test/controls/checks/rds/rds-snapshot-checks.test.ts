import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../../../schema/db.js';
import { checkFindings, seed } from '../../../support/checks.js';
import { memoryDb } from '../../../support/db.js';

let db: Database;
beforeEach(async () => {
  db = await memoryDb();
});
afterEach(() => db.close());

const DB = 'aws_rds_db_snapshots';
const CL = 'aws_rds_db_cluster_snapshots';
const snap = (table: string) => (id: string, extra: Row = {}): Row => table === DB
  ? { arn: `arn:aws:rds:us-east-1:111111111111:snapshot:${id}`, db_snapshot_identifier: id, engine: 'postgres', snapshot_type: 'manual', encrypted: true, restore_accounts: [], public: false, ...extra }
  : { arn: `arn:aws:rds:us-east-1:111111111111:cluster-snapshot:${id}`, db_cluster_snapshot_identifier: id, engine: 'aurora-postgresql', snapshot_type: 'manual', storage_encrypted: true, restore_accounts: [], public: false, ...extra };

const open = { restore_accounts: ['all'], public: true };
const unread = { restore_accounts: null, public: null };

interface Case { id: string; table: string; failing: [string, Row, string][]; passing: Row[] }

const cases: Case[] = [
  { id: 'rds_db_snapshot_not_public', table: DB,
    failing: [
      ['open', open, 'RDS DB snapshot open is public: any AWS account can restore it'],
      ['unread', unread, 'RDS DB snapshot unread did not report who may restore it'],
    ],
    // Shared with a named account is not public; an automated snapshot is never shared.
    passing: [snap(DB)('private'), snap(DB)('partner', { restore_accounts: ['222222222222'] }), snap(DB)('auto', { snapshot_type: 'automated' })] },
  { id: 'rds_cluster_snapshot_not_public', table: CL,
    failing: [
      ['aurora-open', open, 'RDS DB cluster snapshot aurora-open is public: any AWS account can restore it'],
      // The control names Neptune and DocumentDB snapshots as well.
      ['graph-open', { ...open, engine: 'neptune' }, 'RDS DB cluster snapshot graph-open is public: any AWS account can restore it'],
      ['unread', unread, 'RDS DB cluster snapshot unread did not report who may restore it'],
    ],
    passing: [snap(CL)('private'), snap(CL)('partner', { restore_accounts: ['222222222222'] })] },
  { id: 'rds_db_snapshot_encrypted', table: DB,
    failing: [
      ['auto-plain', { snapshot_type: 'automated', encrypted: false }, 'RDS DB snapshot auto-plain is not encrypted at rest'],
      ['plain', { encrypted: false }, 'RDS DB snapshot plain is not encrypted at rest'],
      ['unknown', { encrypted: null }, 'RDS DB snapshot unknown did not report its encryption'],
    ],
    passing: [snap(DB)('sealed'), snap(DB)('auto-sealed', { snapshot_type: 'automated' })] },
  { id: 'rds_cluster_snapshot_encrypted', table: CL,
    failing: [
      ['docs-plain', { engine: 'docdb', storage_encrypted: false }, 'RDS DB cluster snapshot docs-plain is not encrypted at rest'],
      ['plain', { storage_encrypted: false }, 'RDS DB cluster snapshot plain is not encrypted at rest'],
      ['unknown', { storage_encrypted: null }, 'RDS DB cluster snapshot unknown did not report its encryption'],
    ],
    passing: [snap(CL)('sealed')] },
  { id: 'documentdb_cluster_snapshot_not_public', table: CL,
    failing: [
      ['docs-open', { ...open, engine: 'docdb' }, 'Amazon DocumentDB cluster snapshot docs-open is public: any AWS account can restore it'],
      ['docs-unread', { ...unread, engine: 'docdb' }, 'Amazon DocumentDB cluster snapshot docs-unread did not report who may restore it'],
    ],
    // Other engines are RDS.1's and Neptune.3's business.
    passing: [snap(CL)('docs', { engine: 'docdb' }), snap(CL)('aurora-open', open), snap(CL)('graph-open', { ...open, engine: 'neptune' })] },
  { id: 'neptune_cluster_snapshot_not_public', table: CL,
    failing: [
      ['graph-open', { ...open, engine: 'neptune' }, 'Neptune DB cluster snapshot graph-open is public: any AWS account can restore it'],
      ['graph-unread', { ...unread, engine: 'neptune' }, 'Neptune DB cluster snapshot graph-unread did not report who may restore it'],
    ],
    passing: [snap(CL)('graph', { engine: 'neptune', restore_accounts: ['222222222222'] }), snap(CL)('docs-open', { ...open, engine: 'docdb' })] },
  { id: 'neptune_cluster_snapshot_encrypted', table: CL,
    failing: [
      ['graph-plain', { engine: 'neptune', storage_encrypted: false }, 'Neptune DB cluster snapshot graph-plain is not encrypted at rest'],
      ['graph-unknown', { engine: 'neptune', storage_encrypted: null }, 'Neptune DB cluster snapshot graph-unknown did not report its encryption'],
    ],
    passing: [snap(CL)('graph', { engine: 'neptune' }), snap(CL)('aurora-plain', { storage_encrypted: false })] },
];

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  const make = snap(c.table);
  it('fails the snapshots that break it, with the reason, and only those', async () => {
    await seed(db, c.table, [...c.failing.map(([name, extra]) => make(name, extra)), ...c.passing]);
    const found = await checkFindings(db, id);
    expect(found.map((r) => [r.snapshot_identifier, r.reason])).toEqual(c.failing.map(([name, , reason]) => [name, reason]));
    expect(found[0]!.resource_id).toBe(make(c.failing[0]![0]).arn);
  });
  it('passes snapshots configured as it asks', async () => {
    await seed(db, c.table, c.passing);
    expect(await checkFindings(db, id)).toEqual([]);
  });
  it('returns nothing on an empty inventory', async () => {
    expect(await checkFindings(db, id)).toEqual([]);
  });
});
