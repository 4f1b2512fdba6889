import type { Database } from '../schema/db.js';

/** One exception in force when a scan ran, as auditors read it (frozen at that revision: scan_exceptions). */
export interface ScanExceptionRow {
  id: string;
  revision: number;
  scope: string;
  justification: string;
  owner: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  ticket: string | null;
  /** Findings of this scan it accepted. */
  findings: number;
}

interface Snapshot {
  check_id: string | null; benchmark_id: string | null; requirement_id: string | null; account_id: string | null; region: string | null;
  resource_pattern: string | null; tag_key: string | null; tag_value: string | null; justification: string; owner: string; created_by: string;
  created_at: string; expires_at: string; ticket: string | null;
}

export function scopeText(e: Pick<Snapshot, 'check_id' | 'benchmark_id' | 'requirement_id' | 'account_id' | 'region' | 'resource_pattern' | 'tag_key' | 'tag_value'>): string {
  return [
    e.check_id ? `check ${e.check_id}` : `${e.benchmark_id} requirement ${e.requirement_id}`,
    e.account_id && `account ${e.account_id}`, e.region && `region ${e.region}`, e.resource_pattern && `resource ${e.resource_pattern}`,
    e.tag_key && `tag ${e.tag_key}${e.tag_value === null ? '' : `=${e.tag_value}`}`,
  ].filter(Boolean).join(', ');
}

/** Every exception in force when the scan ran, with justification and owner, oldest first; [] for scans without. */
export async function scanExceptions(db: Database, scanId: string): Promise<ScanExceptionRow[]> {
  const rows = await db.all<{ exception_id: string; revision: number; snapshot: string; findings: number }>(
    `SELECT s.exception_id, s.revision, CAST(s.snapshot AS VARCHAR) AS snapshot,
            (SELECT count(*) FROM excepted_findings f WHERE f.scan_id = s.scan_id AND f.exception_id = s.exception_id)::INTEGER AS findings
     FROM scan_exceptions s WHERE s.scan_id = ? ORDER BY s.snapshot->>'created_at', s.exception_id`,
    [scanId],
  );
  return rows.map((r) => {
    const e = JSON.parse(r.snapshot) as Snapshot;
    return { id: r.exception_id, revision: r.revision, scope: scopeText(e), justification: e.justification, owner: e.owner, created_by: e.created_by, created_at: e.created_at, expires_at: e.expires_at, ticket: e.ticket, findings: r.findings };
  });
}

export const exceptionHeaders = ['Exception', 'Revision', 'Scope', 'Justification', 'Owner', 'Created by', 'Created', 'Expires', 'Ticket', 'Findings accepted'] as const;

export function exceptionCells(e: ScanExceptionRow): Array<string | number> {
  return [e.id, e.revision, e.scope, e.justification, e.owner, e.created_by, e.created_at, e.expires_at, e.ticket ?? '', e.findings];
}
