import type { Check, Severity } from '../../controls/types.js';
import type { Database } from '../../schema/db.js';
import { normaliseValue } from '../../schema/db.js';
import { exceptedFindingMatch } from '../../schema/excepted-findings.js';
import type { Scan } from '../../schema/scans.js';
import { partitionOf } from '../../lib/aws/partitions.js';

/**
 * A scan's findings as other tools count them: one per failing (account, region, check, resource), whatever the
 * number of requirements (in one benchmark or several) that check decides. OCSF, ASFF and the Security Hub push
 * are built from this one model, so their counts and ids agree.
 *
 * Only findings of requirements whose status is FAIL are included: a finding under a requirement in ERROR stands
 * on data in doubt (DESIGN.md), and handing it to another tool as a verdict would be the silent trust Calabi refuses.
 * A finding an exception accepted in the scan (excepted_findings) is left out too, under a FAIL requirement as under
 * an EXCEPTED one: an accepted risk is not an open finding, and a push archives it in Security Hub
 * (docs/exceptions.md; the exception's record stays in Calabi's exports).
 */
export interface SecurityFinding {
  account_id: string;
  /** As the inventory stores it: an AWS region, or `global` (IAM, account-level facts). */
  region: string;
  partition: string;
  check_id: string;
  /** The failing resource (an ARN, or Calabi's account/region ids); null when the check named none. */
  resource_id: string | null;
  /** Why this resource fails, from the first requirement (in benchmark order) that reports it. */
  reason: string | null;
  /** The check's extra columns, parsed; {} when none. */
  evidence: Record<string, unknown>;
  /** Ids of the FAIL requirements of the scan's benchmark that this finding fails, in benchmark order. */
  requirements: string[];
  severity: Severity;
  title: string;
  description: string;
  remediation: string[];
  links: string[];
  /** When a stored complete scan (any benchmark) first reported this finding: ISO 8601, UTC. */
  first_seen: string;
  /** This scan's time: ISO 8601, UTC. */
  last_seen: string;
}

/** What the catalog says about a check; a check no longer in the catalog falls back to its requirement's words. */
export type CheckLookup = (checkId: string) => Pick<Check, 'title' | 'severity' | 'description' | 'remediation' | 'links'> | undefined;

interface Grouped {
  account_id: string | null;
  region: string | null;
  check_id: string;
  resource_id: string | null;
  reason: string | null;
  evidence: string | null;
  requirements: string[];
  control_title: string | null;
  control_severity: string | null;
  partition: string | null;
  first_seen: string | null;
}

const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/**
 * Streams a complete scan's failing findings, grouped and ordered by account, region, check and resource, one chunk
 * at a time (a 100,000-finding scan never sits in memory whole).
 */
export async function* streamSecurityFindings(db: Database, scan: Scan, lookup: CheckLookup): AsyncGenerator<SecurityFinding[]> {
  const conn = await db.connect();
  try {
    const result = await conn.stream(
      `WITH failing AS (
         SELECT f.account_id, f.region, f.check_id, f.resource_id, f.reason, CAST(f.evidence AS VARCHAR) AS evidence,
                c.control_id, c.title, c.severity, c.position
         FROM findings f JOIN control_results c ON c.scan_id = f.scan_id AND c.control_id = f.control_id
         WHERE f.scan_id = $1 AND c.status = 'FAIL'
           -- An accepted risk (an exception accepted this finding in this scan) is not handed to other tools.
           AND NOT EXISTS (SELECT 1 FROM excepted_findings x WHERE ${exceptedFindingMatch()})
       ),
       grouped AS (
         SELECT account_id, region, check_id, resource_id,
                arg_min(reason, position) AS reason, arg_min(evidence, position) AS evidence,
                list(control_id ORDER BY position) AS requirements,
                arg_min(title, position) AS control_title, arg_min(severity, position) AS control_severity
         FROM failing GROUP BY account_id, region, check_id, resource_id
       ),
       -- The first complete scan up to this one that reported the same finding: ASFF's FirstObservedAt/CreatedAt
       -- and OCSF's first_seen_time stay put across scans.
       seen AS (
         SELECT f.account_id, f.region, f.check_id, f.resource_id, min(s.started_at) AS first_seen
         FROM findings f JOIN scans s ON s.id = f.scan_id
         WHERE s.status = 'complete' AND s.started_at <= (SELECT started_at FROM scans WHERE id = $1)
           AND (f.check_id, f.account_id) IN (SELECT check_id, account_id FROM grouped)
         GROUP BY ALL
       )
       SELECT g.*, a.partition, CAST(sn.first_seen AS VARCHAR) AS first_seen
       FROM grouped g
       LEFT JOIN (SELECT account_id, any_value(partition) AS partition FROM aws_accounts GROUP BY account_id) a ON a.account_id = g.account_id
       LEFT JOIN seen sn ON sn.account_id IS NOT DISTINCT FROM g.account_id AND sn.region IS NOT DISTINCT FROM g.region
         AND sn.check_id = g.check_id AND sn.resource_id IS NOT DISTINCT FROM g.resource_id
       ORDER BY g.account_id, g.region, g.check_id, g.resource_id`,
      [scan.id],
    );
    const lastSeen = isoUtc(scan.finished_at ?? scan.started_at);
    for await (const chunk of result.yieldRowObjectJs()) {
      yield chunk.map((raw) => {
        const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, normaliseValue(v)])) as unknown as Grouped;
        return toSecurityFinding(row, lookup, lastSeen, scan);
      });
    }
  } finally {
    conn.closeSync();
  }
}

function toSecurityFinding(row: Grouped, lookup: CheckLookup, lastSeen: string, scan: Scan): SecurityFinding {
  if (!row.account_id) throw new Error(`[reports] scan ${scan.id}: check ${row.check_id} reported a finding without an account id; every finding needs one to be exported`);
  const region = row.region ?? 'global';
  const check = lookup(row.check_id);
  const severity = check?.severity ?? (severities.includes(row.control_severity as Severity) ? (row.control_severity as Severity) : 'medium');
  return {
    account_id: row.account_id,
    region,
    partition: row.partition ?? partitionOf(region === 'global' ? 'us-east-1' : region),
    check_id: row.check_id,
    resource_id: row.resource_id,
    reason: row.reason,
    evidence: parseEvidence(row.evidence),
    requirements: row.requirements,
    severity,
    title: check?.title ?? row.control_title ?? row.check_id,
    description: check?.description || row.control_title || row.check_id,
    remediation: check?.remediation ?? [],
    links: check?.links ?? [],
    first_seen: row.first_seen ? isoUtc(row.first_seen) : isoUtc(scan.started_at),
    last_seen: lastSeen,
  };
}

function parseEvidence(text: string | null): Record<string, unknown> {
  if (!text) return {};
  const value = JSON.parse(text) as unknown;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

/** DuckDB TIMESTAMP values are UTC without a zone; other tools want RFC 3339 with one. */
export function isoUtc(value: string): string {
  const text = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`[reports] not a timestamp: '${value}'`);
  return date.toISOString();
}
