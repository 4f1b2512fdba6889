import type { Database, Row } from '../schema/db.js';
import { normaliseValue } from '../schema/db.js';
import { exceptedFindingMatch } from '../schema/excepted-findings.js';
import { kyselyOf } from '../schema/kysely.js';

export interface FindingRow {
  control_id: string;
  control_title: string | null;
  severity: string | null;
  check_id: string;
  resource_id: string | null;
  account_id: string | null;
  region: string | null;
  reason: string | null;
  /** The check's extra columns, as JSON text. */
  evidence: string | null;
  /** The exception that accepted this finding when the scan ran (the finding keeps its data); null when none did. */
  exception_id: string | null;
}

/** Affected resource ids per control, capped so one cell stays under the spreadsheet limit of 32,767 characters. */
export async function affectedResources(db: Database, scanId: string, maxChars = 32_000): Promise<Map<string, string>> {
  const rows = await db.all<{ control_id: string; ids: string[] | null; n: number }>(
    `SELECT control_id, list(DISTINCT resource_id ORDER BY resource_id) FILTER (WHERE resource_id IS NOT NULL) AS ids, count(DISTINCT resource_id) AS n
     FROM findings WHERE scan_id = ? GROUP BY control_id`,
    [scanId],
  );
  const out = new Map<string, string>();
  for (const r of rows) {
    const ids = r.ids ?? [];
    let text = '';
    let used = 0;
    for (const id of ids) {
      const next = text ? `${text}\n${id}` : id;
      if (next.length > maxChars - 80) break;
      text = next;
      used++;
    }
    if (used < ids.length) text += `\n… and ${ids.length - used} more (see the findings export)`;
    out.set(r.control_id, text);
  }
  return out;
}

export async function countFindings(db: Database, scanId: string): Promise<number> {
  const { n } = await kyselyOf(db).selectFrom('findings').select((eb) => eb.fn.countAll<number>().as('n')).where('scan_id', '=', scanId).executeTakeFirstOrThrow();
  return n;
}

/**
 * Streams a scan's findings in benchmark order, a chunk of rows at a time, so 100,000 findings never sit in memory
 * at once. `perControlLimit` keeps only the first N findings of each requirement (the PDF's resource details).
 * Without a limit one plain sort does it: the window function the limit needs costs memory and CPU (123,000
 * findings: +88 MB instead of +102 MB over the open database, a sixth less CPU).
 */
export async function* streamFindings(db: Database, scanId: string, options: { perControlLimit?: number } = {}): AsyncGenerator<FindingRow[]> {
  const conn = await db.connect();
  try {
    const limit = options.perControlLimit;
    const columns = `f.control_id, c.title AS control_title, c.severity, f.check_id, f.resource_id, f.account_id, f.region, f.reason,
             CAST(f.evidence AS VARCHAR) AS evidence, x.exception_id`;
    // Which exception accepted each finding in this scan (excepted_findings, written when the scan completed).
    const excepted = `LEFT JOIN excepted_findings x ON ${exceptedFindingMatch('$1')}`;
    const sql =
      limit === undefined
        ? `SELECT ${columns}
           FROM findings f JOIN control_results c ON c.scan_id = $1 AND c.control_id = f.control_id
           ${excepted}
           WHERE f.scan_id = $1
           ORDER BY c.position, f.control_id, f.check_id, f.resource_id, f.account_id, f.region`
        : `SELECT ${columns}
           FROM (
             SELECT *, row_number() OVER (PARTITION BY control_id ORDER BY check_id, resource_id, account_id, region) AS n
             FROM findings WHERE scan_id = $1
           ) f
           JOIN control_results c ON c.scan_id = $1 AND c.control_id = f.control_id
           ${excepted}
           WHERE f.n <= ${Math.max(0, Math.floor(limit))}
           ORDER BY c.position, f.control_id, f.n`;
    const result = await conn.stream(sql, [scanId]);
    for await (const chunk of result.yieldRowObjectJs()) {
      yield chunk.map((r) => normaliseRowValues(r) as unknown as FindingRow);
    }
  } finally {
    conn.closeSync();
  }
}

function normaliseRowValues(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = normaliseValue(v);
  return out;
}
